import { ConfigError } from './config-error';

/** Reads a secret file's text; throws like `fs.readFileSync` when it cannot. */
export type ReadSecretFile = (path: string) => string;

/**
 * Turns `X_FILE=/run/secrets/x` into `X=<the file's text>` for every known variable `X`, the
 * convention of Docker secrets and the official Postgres image. The trailing newline that editors
 * and `echo` leave is dropped. Only names in `known` are read, so unrelated `*_FILE` variables of
 * the machine (e.g. `SSL_CERT_FILE`) are left alone.
 */
export function resolveFileVariables(
  env: Record<string, string>,
  known: readonly string[],
  read: ReadSecretFile,
): Record<string, string> {
  const out = { ...env };
  for (const name of known) {
    const path = env[`${name}_FILE`];
    if (path === undefined) continue;
    if (env[name] !== undefined) {
      throw new ConfigError(
        `Invalid environment variable ${name}_FILE: set ${name} or ${name}_FILE, not both`,
      );
    }
    let text: string;
    try {
      text = read(path);
    } catch (err) {
      const code = (err as { code?: string }).code ?? (err as Error).message;
      throw new ConfigError(`Invalid environment variable ${name}_FILE: cannot read ${path} (${code})`);
    }
    const value = text.replace(/\r?\n$/, '');
    delete out[`${name}_FILE`];
    // An empty file counts as unset, like an empty variable.
    if (value !== '') out[name] = value;
  }
  return out;
}

import { CliError, EXIT } from './exit-codes';

/** `--max-activations 3` → 3; anything but a whole number is a usage error naming the flag. */
export function toCount(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError(`${flag} must be a whole number, got "${value}"`, EXIT.usage);
  return Number(value);
}

/** Collects a repeatable `name=value` flag into an object. */
export function collectPair(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at < 1) throw new CliError(`expected name=value, got "${value}"`, EXIT.usage);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

/** Collects a repeatable flag into a list; commas separate several values in one flag. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

/** Drops undefined values, so a JSON body carries only the flags given. */
export function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** PostgreSQL error codes that have a known remedy at start-up. */
const PG_HINTS: Record<string, string> = {
  '3D000':
    'the database does not exist: run `pnpm db:migrate`, which creates it, or set MIGRATE_ON_START=true',
  '42P01': 'the database is not migrated: run `pnpm db:migrate` or set MIGRATE_ON_START=true',
  '28P01': 'PostgreSQL refused the password: check DATABASE_URL and DATABASE_PASSWORD',
  '28000': 'PostgreSQL refused the login: check the user in DATABASE_URL',
};

/** Network failures whose address says more than the stack. */
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  address?: string;
  port?: number;
  hostname?: string;
  cause?: unknown;
  errors?: unknown[];
}

/**
 * One line saying why a process could not start, for stderr: our own errors (bad variable,
 * pending migrations, a port in use) carry their message; known causes from below (PostgreSQL
 * codes, refused connections) get a remedy; anything else is its name and first message line.
 */
export function describeStartupError(err: unknown): string {
  const chain = causes(err);
  for (const e of chain) {
    if (e.code !== undefined && PG_HINTS[e.code]) return `${PG_HINTS[e.code]} (${e.code})`;
  }
  for (const e of chain) {
    if (e.code !== undefined && CONNECT_CODES.has(e.code)) {
      const where = e.address ?? e.hostname;
      return `cannot connect to ${where ? `${where}${e.port ? `:${e.port}` : ''}` : 'a service'} (${e.code}): is it running? check DATABASE_URL and REDIS_URL`;
    }
  }
  const first = chain[0];
  if (!first) return String(err);
  const message = (first.message ?? '').split('\n')[0]!.trim();
  const ours = ['ConfigError', 'ListenError', 'MigrationsPendingError'];
  if (first.name && ours.includes(first.name)) return message;
  return first.name && first.name !== 'Error' ? `${first.name}: ${message}` : message || String(err);
}

/** The error, what it wraps (`cause`, e.g. drizzle's query error around pg's) and AggregateError parts. */
function causes(err: unknown, depth = 0): ErrorLike[] {
  if (err === null || typeof err !== 'object' || depth > 5) return [];
  const e = err as ErrorLike;
  return [e, ...causes(e.cause, depth + 1), ...(e.errors ?? []).flatMap((x) => causes(x, depth + 1))];
}

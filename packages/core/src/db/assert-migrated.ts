import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import { migrationsFolder } from './migrate';

/** The database lacks migrations this build ships; the message names the step that fixes it. */
export class MigrationsPendingError extends Error {
  override name = 'MigrationsPendingError';
}

/**
 * Refuses to go on when the database is behind the committed migrations, the way drizzle's
 * migrator decides what to apply (by each migration's timestamp against the last one recorded),
 * so a process never starts against a schema it would fail on later with a raw SQL error.
 */
export async function assertMigrated(databaseUrl: string): Promise<void> {
  const shipped = readMigrationFiles({ migrationsFolder });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let last = 0;
  try {
    const res = await client.query<{ created_at: string }>(
      'select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
    );
    last = Number(res.rows[0]?.created_at ?? 0);
  } catch (err) {
    // 42P01 / 3F000: no migrations table or schema yet, i.e. nothing applied.
    if (!['42P01', '3F000'].includes((err as { code?: string }).code ?? '')) throw err;
  } finally {
    await client.end();
  }
  const pending = shipped.filter((m) => m.folderMillis > last).length;
  if (pending === 0) return;
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  throw new MigrationsPendingError(
    `database "${name}" is missing ${pending} of ${shipped.length} migrations: run \`pnpm db:migrate\` (in the image: \`node dist/migrate.js\`) or set MIGRATE_ON_START=true`,
  );
}

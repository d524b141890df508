import pg from 'pg';
import { expect, it } from 'vitest';
import { scratchDatabase } from '../../test/support/scratch-database';
import { ensureDatabase } from './ensure-database';
import { runMigrations } from './migrate';

it('creates a missing database and applies every migration to it, twice without harm', async () => {
  const { url, drop } = scratchDatabase();
  try {
    await ensureDatabase(url);
    await runMigrations(url);
    await runMigrations(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const tables = await client.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    await client.end();
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'workspaces',
        'products',
        'license_policies',
        'product_features',
        'product_custom_fields',
        'customers',
        'customer_accounts',
        'orders',
        'licenses',
        'license_features',
        'license_custom_fields',
        'inbox_events',
        'sync_outbox',
        'external_links',
        'job_failures',
      ]),
    );
  } finally {
    await drop();
  }
});

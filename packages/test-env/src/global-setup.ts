import { runMigrations } from '@licensync/core/db';
import type { TestProject } from 'vitest/node';
import {
  databaseUrl,
  stampedName,
  stampOf,
  TEMPLATE_DB_PREFIX,
  TEST_DB_PREFIX,
  withAdmin,
} from './test-database';

// Leftovers older than this come from runs that died without cleaning up.
const STALE_AFTER_SECONDS = 3600;

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}

/**
 * Vitest global setup: builds a migrated template database once per run (test files copy it) and
 * drops leftovers of earlier runs: old enough and unused, so a concurrent run's are left alone.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = stampedName(TEMPLATE_DB_PREFIX);
  await withAdmin(async (c) => {
    const stale = await c.query<{ datname: string }>(
      `select d.datname from pg_database d
        where (d.datname like $1 or d.datname like $2)
          and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)`,
      [`${TEST_DB_PREFIX}%`, `${TEMPLATE_DB_PREFIX}%`],
    );
    const cutoff = Date.now() / 1000 - STALE_AFTER_SECONDS;
    for (const { datname } of stale.rows) {
      const stamp = stampOf(datname);
      if (stamp === undefined || stamp < cutoff)
        await c.query(`drop database if exists "${datname}" with (force)`);
    }
    await c.query(`create database "${template}"`);
  });
  await runMigrations(databaseUrl(template));
  project.provide('templateDb', template);
  return () =>
    withAdmin(async (c) => void (await c.query(`drop database if exists "${template}" with (force)`)));
}

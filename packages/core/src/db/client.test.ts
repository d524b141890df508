import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { ADMIN_URL, withAdmin } from '../../test/support/scratch-database';
import { createDb } from './client';

// Found by `pnpm chaos`: a worker died when Postgres restarted while a transaction held a client.
it('survives a checked-out client losing its connection between two queries', async () => {
  const handle = createDb(ADMIN_URL, { max: 2 });
  const crashes: unknown[] = [];
  const onUncaught = (err: unknown) => crashes.push(err);
  process.on('uncaughtException', onUncaught);
  try {
    const client = await handle.pool.connect();
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    await withAdmin((admin) => admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]));
    await sleep(200);
    await expect(client.query('select 1')).rejects.toThrow();
    client.release(true);
    // The pool hands out a working connection afterwards.
    expect((await handle.db.execute('select 1 as one')).rows).toEqual([{ one: 1 }]);
    expect(crashes).toEqual([]);
  } finally {
    process.off('uncaughtException', onUncaught);
    await handle.close();
  }
});

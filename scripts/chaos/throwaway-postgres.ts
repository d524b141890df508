import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` */
  url(database: string): string;
  /** Stops as a crash would (`immediate`: no checkpoint, recovery on start), waits, starts again. */
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL cluster of its own in a temporary directory, on `port` (never the machine's shared
 * 5432), from the installed binaries. Postgres refuses to run as root, so as root it runs as the
 * `postgres` user. Durability settings are the defaults: an acknowledged commit must survive.
 */
export async function startThrowawayPostgres(port: number): Promise<ThrowawayPostgres> {
  const bin = await findBinDir();
  const dir = await mkdtemp(path.join(tmpdir(), 'licensync-chaos-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const start = () =>
    pg('pg_ctl', ['-D', data, '-l', path.join(dir, 'postgres.log'), '-w', '-o', options, 'start']);
  const stopNow = (mode: 'immediate' | 'fast') => pg('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);

  try {
    await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    await start();
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `throwaway Postgres did not start on port ${port} (in use by another run?): ${(err as Error).message}`,
    );
  }
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async restart(downMs) {
      await stopNow('immediate');
      await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    async stop() {
      await stopNow('fast').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function findBinDir(): Promise<string> {
  const versions = (await readdir(PG_ROOT))
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`no PostgreSQL binaries under ${PG_ROOT}`);
  return path.join(PG_ROOT, versions[0], 'bin');
}

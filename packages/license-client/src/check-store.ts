import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the last good check is kept between runs. It holds the server's signed bytes, which
 * are verified again on load, so editing the stored copy cannot extend or change a license.
 */
export interface CheckStore {
  load(key: string): Promise<string | null>;
  save(key: string, value: string): Promise<void>;
  clear(key: string): Promise<void>;
}

/** Kept in memory: grace lasts as long as the process. */
export function memoryCheckStore(): CheckStore {
  const values = new Map<string, string>();
  return {
    load: async (key) => values.get(key) ?? null,
    save: async (key, value) => void values.set(key, value),
    clear: async (key) => void values.delete(key),
  };
}

/** One JSON file per license in `dir` (e.g. the app's data folder): grace survives restarts. */
export function fileCheckStore(dir: string): CheckStore {
  const fileOf = (key: string) => path.join(dir, `${key.replace(/[^a-zA-Z0-9_-]/g, '_')}.json`);
  return {
    async load(key) {
      try {
        return await readFile(fileOf(key), 'utf8');
      } catch {
        return null;
      }
    },
    async save(key, value) {
      await mkdir(dir, { recursive: true });
      await writeFile(fileOf(key), value, { mode: 0o600 });
    },
    clear: (key) => rm(fileOf(key), { force: true }),
  };
}

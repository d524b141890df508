import type pg from 'pg';
import type { LicenseRowCache } from './license-row-cache';

/** The channel the migration's triggers notify, with '<workspace id>:<license id | *>'. */
export const LICENSE_CHANGES_CHANNEL = 'licensync_license_changes';

export interface LicenseChanges {
  /** Resolves once LISTEN is in place (or failed, and is being retried). */
  ready: Promise<void>;
  /**
   * Resolves once every change committed before the call has reached the cache: Postgres
   * delivers a listener's notifications before the answer to its next query.
   */
  fence(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Holds one pool connection in LISTEN and empties `cache` of what changed, as each write commits.
 * Caching starts only once LISTEN is in place and stops (cache emptied) whenever the connection
 * is lost, until it is back: a missed notification must not leave a stale answer behind.
 */
export function listenForLicenseChanges(opts: {
  pool: pg.Pool;
  cache: LicenseRowCache;
  onError: (err: unknown) => void;
  retryMs?: number;
}): LicenseChanges {
  const { pool, cache } = opts;
  let client: pg.PoolClient | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let fences: Promise<void> = Promise.resolve();
  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== LICENSE_CHANGES_CHANNEL || !msg.payload) return;
    const at = msg.payload.indexOf(':');
    if (at > 0) cache.invalidate(msg.payload.slice(0, at), msg.payload.slice(at + 1));
  };
  const lost = (err: unknown) => {
    cache.setEnabled(false);
    const c = client;
    client = null;
    if (c) {
      c.removeListener('notification', onNotification);
      c.release(err instanceof Error ? err : true);
    }
    if (closed) return;
    opts.onError(err);
    timer = setTimeout(() => void connect().catch(lost), opts.retryMs ?? 1000);
  };
  const connect = async () => {
    const c = await pool.connect();
    if (closed) return c.release();
    client = c;
    c.on('notification', onNotification);
    // Once this client is lost, later events of it are nobody's business (but must not throw).
    c.on('error', (err) => client === c && lost(err));
    c.on('end', () => client === c && lost(new Error('the LISTEN connection ended')));
    await c.query(`LISTEN ${LICENSE_CHANGES_CHANNEL}`);
    cache.setEnabled(true);
  };
  const ready = connect().catch(lost);
  return {
    ready,
    fence() {
      // One query at a time on the connection (pg queues them, but warns): each fence runs after
      // the ones before it, so it still starts after its caller's write committed. Without the
      // connection the cache is off, so there is nothing to wait for.
      const next = fences
        .then(() => client?.query('select 1'))
        .then(
          () => undefined,
          () => undefined,
        );
      fences = next;
      return next;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      cache.setEnabled(false);
      const c = client;
      client = null;
      if (!c) return;
      c.removeListener('notification', onNotification);
      await c.query(`UNLISTEN ${LICENSE_CHANGES_CHANNEL}`).catch(() => undefined);
      c.release();
    },
  };
}

import type pg from 'pg';
import type { InboxRecord, StoredInboxRecord } from './inbox-record';

const COLUMNS = 5;

/**
 * One multi-row insert per batch size, each a named (prepared once per connection) statement.
 * Bodies go as binary parameters: Postgres takes the received bytes into the text column as they
 * are, with no string conversion or array escaping on our side. `enqueued_at` is set here, as the
 * rows are about to be queued, and cleared again if that fails (see enqueueInboxBatch): one write
 * per row instead of an insert and an update.
 */
function insertStatement(rows: number): { name: string; text: string } {
  const tuples = Array.from({ length: rows }, (_, r) => {
    const p = (c: number) => `$${r * COLUMNS + c}`;
    return `(${p(1)}::uuid, ${p(2)}::text, ${p(3)}::text, ${p(4)}::text, ${p(5)}::text, now())`;
  });
  return {
    name: `inbox-insert-${rows}`,
    text: `insert into inbox_events (workspace_id, provider, external_id, type, payload, enqueued_at)
           values ${tuples.join(', ')}
           on conflict (workspace_id, provider, external_id) do nothing
           returning id, workspace_id, provider, external_id`,
  };
}
const statements = new Map<number, { name: string; text: string }>();

const REOPEN = {
  name: 'inbox-reopen-batch',
  text: `update inbox_events i
            set status = 'pending', round = i.round + 1, payload = v.payload, enqueued_at = now()
           from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as v(workspace_id, provider, external_id, payload)
          where i.workspace_id = v.workspace_id and i.provider = v.provider
            and i.external_id = v.external_id and i.status = 'failed'
      returning i.id, i.round, i.provider, i.external_id, i.workspace_id, i.type`,
};

// One event per workspace: the same Stripe event id sent to two workspaces' URLs is two events.
const keyOf = (workspaceId: string, provider: string, externalId: string) =>
  `${workspaceId}\u0000${provider}\u0000${externalId}`;

/**
 * Stores a batch of events in one statement (one commit for all), deduplicating on
 * (workspace, provider, external id) by outcome exactly as one-by-one recording does: a redelivery of an event
 * that failed for good is reopened (round + 1); a processed, ignored or pending one is a duplicate.
 * A second copy of an event within the batch is a duplicate of the first.
 */
export async function insertInboxBatch(pool: pg.Pool, records: InboxRecord[]): Promise<StoredInboxRecord[]> {
  const first = new Map<string, number>();
  records.forEach((r, i) => {
    const key = keyOf(r.workspaceId, r.provider, r.externalId);
    if (!first.has(key)) first.set(key, i);
  });
  const unique = [...first.values()].map((i) => records[i]!);
  const statement = statements.get(unique.length) ?? insertStatement(unique.length);
  statements.set(unique.length, statement);
  const inserted = await pool.query<{
    id: string;
    workspace_id: string;
    provider: string;
    external_id: string;
  }>({
    ...statement,
    values: unique.flatMap((r) => [r.workspaceId, r.provider, r.externalId, r.type, r.body]),
  });
  const stored = new Map<string, StoredInboxRecord>();
  for (const row of inserted.rows) {
    const r = records[first.get(keyOf(row.workspace_id, row.provider, row.external_id))!]!;
    const queued = {
      id: Number(row.id),
      round: 0,
      workspaceId: r.workspaceId,
      provider: r.provider,
      type: r.type,
    };
    stored.set(keyOf(row.workspace_id, row.provider, row.external_id), { outcome: 'new', row: queued });
  }
  const conflicted = unique.filter((r) => !stored.has(keyOf(r.workspaceId, r.provider, r.externalId)));
  if (conflicted.length > 0) {
    const reopened = await pool.query<{
      id: string;
      round: number;
      provider: 'stripe' | 'hubspot';
      external_id: string;
      workspace_id: string;
      type: string;
    }>({
      ...REOPEN,
      values: [
        conflicted.map((r) => r.workspaceId),
        conflicted.map((r) => r.provider),
        conflicted.map((r) => r.externalId),
        conflicted.map((r) => r.body.toString()),
      ],
    });
    for (const row of reopened.rows) {
      // The stored row's workspace and type: the job runs what was recorded.
      const queued = {
        id: Number(row.id),
        round: row.round,
        workspaceId: row.workspace_id,
        provider: row.provider,
        type: row.type,
      };
      stored.set(keyOf(row.workspace_id, row.provider, row.external_id), { outcome: 'retry', row: queued });
    }
  }
  return records.map((r, i) => {
    const key = keyOf(r.workspaceId, r.provider, r.externalId);
    return first.get(key) === i ? (stored.get(key) ?? { outcome: 'duplicate' }) : { outcome: 'duplicate' };
  });
}

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createCoreTestEnv as createTestEnv,
  type CoreTestEnv as TestEnv,
} from '../../test/support/core-test-env';
import { createDb, type DbHandle } from '../db/client';
import { activityLog, inboxEvents } from '../db/schema/index';
import { ensureDefaultWorkspace } from '../workspaces/ensure-default-workspace';
import { recordEventActivity } from './record-event-activity';

let env: TestEnv;
let handle: DbHandle;
let row: typeof inboxEvents.$inferSelect;

beforeAll(async () => {
  env = await createTestEnv();
  handle = createDb(env.config.DATABASE_URL);
  const workspaceId = (await ensureDefaultWorkspace(handle.db)).id;
  [row] = (await handle.db
    .insert(inboxEvents)
    .values({
      workspaceId,
      provider: 'stripe',
      externalId: 'evt_once',
      type: 'customer.created',
      payload: { id: 'evt_once', type: 'customer.created', data: { object: { id: 'cus_once' } } },
    })
    .returning()) as [typeof row];
});
afterAll(async () => {
  await handle.close();
  await env.cleanup();
});

const entries = (kind: string) => handle.db.select().from(activityLog).where(eq(activityLog.kind, kind));

it('writes a `once` entry a single time however often it is recorded, and other kinds apart', async () => {
  for (let i = 0; i < 3; i++)
    await recordEventActivity({
      db: handle.db,
      row,
      kind: 'stripe.event.received',
      outcome: 'ok',
      once: true,
    });
  await recordEventActivity({ db: handle.db, row, kind: 'job.processed', outcome: 'ok', once: true });
  expect(await entries('stripe.event.received')).toHaveLength(1);
  expect(await entries('job.processed')).toHaveLength(1);
  expect((await entries('stripe.event.received'))[0]!.subjects).toContain('stripe:evt_once');
});

import { createApiRuntime } from '@licensync/api';
import * as schema from '@licensync/core/schema';
import { emitOutboundEvent } from '@licensync/core/webhooks';
import { type ApiStack, startApi } from '@licensync/test-env';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from './support/run-cli';

let stack: ApiStack<Awaited<ReturnType<typeof createApiRuntime>>>;
let env: Record<string, string>;
const cli = (...args: string[]) => runCli(args, env);

beforeAll(async () => {
  stack = await startApi(createApiRuntime);
  env = { LICENSYNC_URL: stack.api.url, LICENSYNC_ADMIN_TOKEN: stack.env.config.ADMIN_TOKEN };
});
afterAll(() => stack.close());

it('licensync webhooks create|list|deliveries|replay|delete', async () => {
  const created = await cli(
    'webhooks',
    'create',
    'https://vendor.example/hooks',
    '--event',
    'license.created',
    '--event',
    'order.created',
  );
  expect(created.code).toBe(0);
  const secret = /whsec_\S+/.exec(created.stdout)?.[0];
  expect(secret).toBeDefined();
  const [row] = await stack.api.db.select().from(schema.webhookEndpoints);
  expect(row!.eventTypes).toEqual(['license.created', 'order.created']);
  expect(row!.secret).not.toContain(secret!.slice(6));

  const list = await cli('webhooks', 'list');
  expect(list.stdout).toMatch(/https:\/\/vendor\.example\/hooks\s+license\.created,order\.created\s+true/);
  expect(list.stdout).not.toContain('whsec_');
  expect((await cli('webhooks', 'deliveries', row!.id)).stdout).toContain('no deliveries yet');

  // A logged attempt, as the worker would write it, to list and replay.
  const eventId = await emitOutboundEvent(stack.api.db, stack.api.workspaceId, 'order.created', { id: 'o1' });
  const [delivery] = await stack.api.db
    .insert(schema.webhookDeliveries)
    .values({
      workspaceId: stack.api.workspaceId,
      endpointId: row!.id,
      eventId,
      attempt: 1,
      statusCode: 503,
      error: 'HTTP 503',
      durationMs: 12,
    })
    .returning();
  const deliveries = await cli('webhooks', 'deliveries', row!.id);
  expect(deliveries.stdout).toMatch(new RegExp(`${delivery!.id}\\s+${eventId}\\s+1\\s+503\\s+12`));
  const replay = await cli('webhooks', 'replay', String(delivery!.id));
  expect(replay).toMatchObject({ code: 0 });
  expect(replay.stdout).toContain(`replaying event ${eventId}`);
  const jobs = await stack.api.queues.webhooks.getJobs(['waiting', 'delayed', 'prioritized']);
  expect(jobs.map((j) => j.data)).toEqual([
    { workspaceId: stack.api.workspaceId, endpointId: row!.id, eventId },
  ]);

  expect((await cli('webhooks', 'replay', '999999')).code).not.toBe(0);
  expect((await cli('webhooks', 'delete', row!.id)).code).toBe(0);
  expect(await stack.api.db.select().from(schema.webhookEndpoints)).toEqual([]);
  expect((await cli('webhooks', 'delete', row!.id)).code).not.toBe(0);
});

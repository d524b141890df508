import { createApiRuntime } from '@licensync/api';
import { recordDeliveryFailure } from '@licensync/core/deliveries';
import * as schema from '@licensync/core/schema';
import { type ApiStack, seedExampleCatalog, startApi } from '@licensync/test-env';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from './support/run-cli';

let stack: ApiStack<Awaited<ReturnType<typeof createApiRuntime>>>;
let env: Record<string, string>;
const cli = (...args: string[]) => runCli(args, env);

beforeAll(async () => {
  stack = await startApi(createApiRuntime);
  env = { LICENSYNC_URL: stack.api.url, LICENSYNC_ADMIN_TOKEN: stack.env.config.ADMIN_TOKEN };
  await seedExampleCatalog(stack.api.db, stack.api.workspaceId);
});
afterAll(() => stack.close());

it('licensync deliveries list|resend: a resend is queued with the operator as actor, and listed', async () => {
  const made = await stack.call('POST', '/orders', {
    customer: { email: 'cli@example.com', first_name: 'Cli' },
    product: 'pro',
    quantity: 1,
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const [license] = await stack.api.db.select().from(schema.licenses);
  const listed = await cli('deliveries', 'list', '--license', license!.id);
  expect(listed.code, listed.stderr).toBe(0);
  expect(listed.stdout).toMatch(/cli@example\.com\s+1\s+created\s+admin-token\s+pending\s+0/);

  const resent = await cli('deliveries', 'resend', license!.id);
  expect(resent.code, resent.stderr).toBe(0);
  expect(resent.stdout).toMatch(/^queued 1 mail\(s\): cli@example\.com \(/);
  const rows = (await stack.api.db.select().from(schema.licenseDeliveries)).filter(
    (d) => d.reason === 'resend',
  );
  expect(rows).toEqual([
    expect.objectContaining({ recipient: 'cli@example.com', actor: 'admin-token', status: 'pending' }),
  ]);
  // A mail refused for good is listed as failed, with the server's reason.
  const [created] = (await stack.api.db.select().from(schema.licenseDeliveries)).filter(
    (d) => d.reason === 'created',
  );
  await recordDeliveryFailure(stack.api.db, created!, '550 no such mailbox', true);
  const failed = await cli('deliveries', 'list', '--license', license!.id);
  expect(failed.stdout).toMatch(/cli@example\.com\s+1\s+created\s+admin-token\s+failed\s+1/);
  const after = await cli('deliveries', 'list', '--json');
  expect(JSON.parse(after.stdout).data.map((d: { reason: string }) => d.reason)).toEqual([
    'resend',
    'created',
  ]);
});

it('licensync deliveries resend is refused while delivery is off, with the setting named', async () => {
  expect((await cli('settings', 'set', 'deliver_licenses=false')).code).toBe(0);
  const [license] = await stack.api.db.select().from(schema.licenses);
  const refused = await cli('deliveries', 'resend', license!.id);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('deliver_licenses');
  const usage = await cli('deliveries', 'resend', 'not-a-uuid');
  expect(usage.code).toBe(2);
});

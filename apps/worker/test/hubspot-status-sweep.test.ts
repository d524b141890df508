import { enqueueStatusChanges, enqueueSyncIntent } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { createWorkspace } from '@licensync/core/workspaces';
import { eventually } from '@licensync/test-env';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;
let types: { licenses: string; invoices: string };
let productId: string;

beforeAll(async () => {
  // A sweep every 250 ms instead of every minute; nothing else about it changes.
  stack = await startHubspotStack({ env: { HUBSPOT_STATUS_SWEEP_MS: '250' } });
  const ids = await stack.objectTypeIds();
  types = { licenses: ids.licenses!, invoices: ids.invoices! };
  ({ productId } = await stack.seed({ customers: 0 }));
});
afterAll(() => stack.close());

const db = () => stack.runtime.db;
let n = 0;

/** A customer with a license valid until `validUntil` and an open invoice due at `dueDate`. */
async function ledger(workspaceId: string, at: { validUntil: Date; dueDate: Date; enabled?: boolean }) {
  n += 1;
  const [customer] = await db()
    .insert(schema.customers)
    .values({ workspaceId, email: `sweep${n}@example.com`, name: `Sweep ${n}`, customerType: 'individual' })
    .returning();
  const [license] = await db()
    .insert(schema.licenses)
    .values({
      workspaceId,
      sourceKey: `test:sweep:${n}:0`,
      customerId: customer!.id,
      productId,
      licenseKey: `SWEEP-${n}`,
      licenseType: 'time-limited',
      validUntil: at.validUntil,
      enabled: at.enabled ?? true,
      maxActivations: 1,
    })
    .returning();
  const [invoice] = await db()
    .insert(schema.billingInvoices)
    .values({
      workspaceId,
      stripeInvoiceId: `in_sweep_${n}`,
      customerId: customer!.id,
      number: `SWEEP-${n}`,
      status: 'open',
      currency: 'eur',
      total: 4900,
      amountDue: 4900,
      amountRemaining: 4900,
      dueDate: at.dueDate,
    })
    .returning();
  return { customer: customer!, license: license!, invoice: invoice! };
}

const hubspotOf = (type: string, idProperty: string, id: string) =>
  stack.fake.records(type).find((r) => r.properties[idProperty] === id)?.properties;
const intentsOf = (ids: string[]) =>
  db().select().from(schema.syncOutbox).where(inArray(schema.syncOutbox.objectId, ids));

describe('status changes that no event announces reach HubSpot through the sweep', () => {
  it('a license that expires and an invoice that falls due show in HubSpot within seconds, not at the nightly resync', async () => {
    const soon = new Date(Date.now() + 3000);
    const { license, invoice } = await ledger(stack.workspaceId, { validUntil: soon, dueDate: soon });
    await enqueueSyncIntent(db(), stack.workspaceId, 'license', [license.id]);
    await enqueueSyncIntent(db(), stack.workspaceId, 'invoice', [invoice.id]);
    await stack.settled();
    expect(hubspotOf(types.licenses, 'licensync_license_id', license.id)).toMatchObject({ status: 'active' });
    expect(hubspotOf(types.invoices, 'licensync_invoice_id', invoice.id)).toMatchObject({
      payment_status: 'unpaid',
      overdue: 'false',
    });

    // Nothing changes in our rows; only time passes.
    await eventually(
      async () => hubspotOf(types.licenses, 'licensync_license_id', license.id)?.status === 'expired',
      15_000,
    );
    await eventually(
      async () => hubspotOf(types.invoices, 'licensync_invoice_id', invoice.id)?.payment_status === 'overdue',
      15_000,
    );
    expect(hubspotOf(types.invoices, 'licensync_invoice_id', invoice.id)?.overdue).toBe('true');
    await stack.settled();
    // One intent each for the first sync and one for the sweep; later sweeps queued nothing more.
    expect((await intentsOf([license.id])).length).toBe(2);
    expect((await intentsOf([invoice.id])).length).toBe(2);
    const [connection] = await db()
      .select()
      .from(schema.hubspotConnections)
      .where(eq(schema.hubspotConnections.workspaceId, stack.workspaceId));
    expect(connection!.statusSweptAt!.getTime()).toBeGreaterThan(soon.getTime());
  });

  it('is idempotent: a window swept once is not swept again, and disabled or paid records are left alone', async () => {
    const now = new Date();
    // Ahead of the clock, so the stack's own sweeps (on the real clock) cannot take this window first.
    const at = new Date(now.getTime() + 60_000);
    const kept = await ledger(stack.workspaceId, {
      validUntil: new Date(at.getTime() - 1000),
      dueDate: new Date(at.getTime() - 1000),
    });
    const disabled = await ledger(stack.workspaceId, {
      validUntil: new Date(at.getTime() - 1000),
      dueDate: new Date(at.getTime() - 1000),
      enabled: false,
    });
    await db()
      .update(schema.billingInvoices)
      .set({ status: 'paid' })
      .where(eq(schema.billingInvoices.id, disabled.invoice.id));

    const first = await enqueueStatusChanges({ db: db(), workspaceId: stack.workspaceId, now: at });
    expect(first).toMatchObject({ licenses: 1, invoices: 1 });
    const second = await enqueueStatusChanges({ db: db(), workspaceId: stack.workspaceId, now: at });
    expect(second).toMatchObject({ licenses: 0, invoices: 0 });
    expect((await intentsOf([kept.license.id, kept.invoice.id])).length).toBe(2);
    expect(await intentsOf([disabled.license.id, disabled.invoice.id])).toHaveLength(0);
    await stack.settled();
  });

  it("sweeps only its own workspace: another workspace's expiries wait for that workspace's sweep", async () => {
    const other = await createWorkspace(db(), { slug: 'sweep-other', name: 'Other' });
    // Its connection is switched off, so the worker never sends its intents anywhere.
    await db().insert(schema.hubspotConnections).values({
      workspaceId: other.id,
      portalId: '424242',
      authKind: 'static',
      accessToken: 'unused',
      enabled: false,
    });
    const [ownConnection] = await db()
      .select()
      .from(schema.hubspotConnections)
      .where(eq(schema.hubspotConnections.workspaceId, stack.workspaceId));
    const expiresAt = new Date(Math.max(Date.now(), ownConnection!.statusSweptAt!.getTime()) + 60_000);
    const mine = await ledger(stack.workspaceId, { validUntil: expiresAt, dueDate: expiresAt });
    const theirs = await ledger(other.id, { validUntil: expiresAt, dueDate: expiresAt });
    const sweepAt = new Date(expiresAt.getTime() + 1000);

    const swept = await enqueueStatusChanges({ db: db(), workspaceId: stack.workspaceId, now: sweepAt });
    expect(swept).toMatchObject({ licenses: 1, invoices: 1 });
    expect((await intentsOf([mine.license.id, mine.invoice.id])).length).toBe(2);
    expect(await intentsOf([theirs.license.id, theirs.invoice.id])).toHaveLength(0);

    const theirSweep = await enqueueStatusChanges({ db: db(), workspaceId: other.id, now: sweepAt });
    expect(theirSweep).toMatchObject({ licenses: 1, invoices: 1 });
    const theirIntents = await intentsOf([theirs.license.id, theirs.invoice.id]);
    expect(theirIntents.map((i) => i.workspaceId)).toEqual([other.id, other.id]);
    // Not the worker's to send (its connection is off): cleared so the stack can close settled.
    await db()
      .delete(schema.syncOutbox)
      .where(and(eq(schema.syncOutbox.workspaceId, other.id)));
  });
});

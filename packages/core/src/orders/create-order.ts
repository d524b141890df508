import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { loadCatalog } from '../catalog/load-catalog';
import type { DbOrTx } from '../db/client';
import { licenses } from '../db/schema/index';
import { recordActivity } from '../history/record-activity';
import { toRequestHash } from '../idempotency/to-request-hash';
import { createLicenses } from '../licenses/create-licenses';
import { type LicenseDetails, selectLicenses, withLicenseDetails } from '../licenses/license-details';
import { findOrCreateOrder, type Order } from './find-or-create-order';
import type { OrderInput } from './order-input';
import { planOrderDrafts } from './plan-order-drafts';
import { resolveOrderCustomer } from './resolve-order-customer';

export interface CreatedOrder {
  order: Order;
  customerId: string;
  customerAccountId: string | null;
  licenses: LicenseDetails[];
}

/**
 * Takes an order by hand (admin API, HubSpot card, workflow action) and licenses it as a Stripe
 * purchase would: same catalog rules, same natural keys, sync intents and history in the same
 * transaction. Idempotent because an `idempotencyKey` fixes the order's source id and so every
 * license's key. Throws `UnprocessableError` naming the field when the order cannot be taken;
 * then nothing is written.
 */
export async function createOrder(options: {
  db: DbOrTx;
  workspaceId: string;
  input: OrderInput;
  idempotencyKey?: string;
  /** Who took the order, for the history (`api`, `cli`, `hubspot`). */
  actor: string;
  /** Start of validity; default now. */
  now?: Date;
}): Promise<CreatedOrder> {
  const { workspaceId, input, actor } = options;
  const now = options.now ?? new Date();
  const source = input.source ?? 'manual';
  const sourceId = options.idempotencyKey
    ? `key-${toRequestHash(options.idempotencyKey).slice(0, 32)}`
    : randomUUID();
  return options.db.transaction(async (tx) => {
    const catalog = await loadCatalog(tx, workspaceId, [input.product]);
    const members = [...catalog.values()].flatMap((c) => c.bundleMembers);
    for (const [code, entry] of await loadCatalog(tx, workspaceId, members)) catalog.set(code, entry);
    const customer = await resolveOrderCustomer(tx, workspaceId, input.customer);
    const drafts = planOrderDrafts({
      order: input,
      sourceId,
      customerEmail: customer.email,
      catalog,
      startsAt: now,
    });
    const order = await findOrCreateOrder(tx, {
      workspaceId,
      customerId: customer.id,
      sourceKind: source,
      sourceId,
      hubspotDealId: input.hubspotDealId ?? null,
    });
    const made = await createLicenses(tx, {
      workspaceId,
      customerId: customer.id,
      customerAccountId: customer.customerAccountId,
      orderId: order.id,
      drafts,
    });
    const ids = made.licenses.map((l) => l.id);
    if (made.created.length > 0) {
      await recordActivity(tx, {
        workspaceId,
        kind: 'order.created',
        subjects: [
          `order:${order.id}`,
          `customer:${customer.id}`,
          `email:${customer.email}`,
          ...ids.map((id) => `license:${id}`),
          ...made.created.flatMap((l) => (l.licenseKey ? [`license_key:${l.licenseKey}`] : [])),
        ],
        outcome: 'ok',
        message: `${source} order by ${actor}: ${made.created.length} license(s) of ${input.product}`,
        detail: {
          source,
          actor,
          product: input.product,
          policy: input.policy ?? null,
          quantity: input.quantity,
        },
      });
    }
    const rows = await selectLicenses(tx, workspaceId, [inArray(licenses.id, ids)]);
    const details = await withLicenseDetails(tx, rows);
    const byId = new Map(details.map((d) => [d.license.id, d]));
    return {
      order,
      customerId: customer.id,
      customerAccountId: customer.customerAccountId,
      licenses: ids.map((id) => byId.get(id)!),
    };
  });
}

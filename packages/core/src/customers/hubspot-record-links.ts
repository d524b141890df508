import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { customers, externalLinks } from '../db/schema/index';

/** The HubSpot records a card sits on. */
export type HubspotRecordType = 'contact' | 'company';

/** HubSpot's object type ids, as the sync stores them in `external_links.external_type`. */
export const HUBSPOT_RECORD_TYPE_ID = { contact: '0-1', company: '0-2' } as const;

/**
 * What a record is connected to: a contact to one customer, a company to one customer account.
 * Both are stored as the link the sync itself keeps and writes through (customer → contact `0-1`,
 * customer → company `0-2`), so the licenses it writes are associated with exactly that record. A
 * company's link is held by one customer of the account; the connection is that customer's account.
 */
export type RecordConnection =
  | { kind: 'customer'; customerId: string }
  | { kind: 'customer_account'; accountId: string };

/** The entity kind that holds both record types' links. */
const LINK_ENTITY = 'customer';

const linkOf = (workspaceId: string, type: HubspotRecordType, objectId: string) =>
  and(
    eq(externalLinks.workspaceId, workspaceId),
    eq(externalLinks.provider, 'hubspot'),
    eq(externalLinks.externalType, HUBSPOT_RECORD_TYPE_ID[type]),
    eq(externalLinks.externalId, objectId),
  );

/** The connection of one HubSpot record in the workspace; null when it has none. */
export async function findRecordConnection(
  db: DbOrTx,
  workspaceId: string,
  type: HubspotRecordType,
  objectId: string,
): Promise<RecordConnection | null> {
  const [link] = await db
    .select({ kind: externalLinks.entityKind, id: externalLinks.entityId })
    .from(externalLinks)
    .where(linkOf(workspaceId, type, objectId));
  if (!link || link.kind !== LINK_ENTITY) return null;
  if (type === 'contact') return { kind: 'customer', customerId: link.id };
  const [customer] = await db
    .select({ accountId: customers.customerAccountId })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, link.id)));
  return customer?.accountId ? { kind: 'customer_account', accountId: customer.accountId } : null;
}

/** The record of that type a customer is linked to, if any. */
export async function findLinkedRecord(
  db: DbOrTx,
  workspaceId: string,
  type: HubspotRecordType,
  customerId: string,
): Promise<string | null> {
  const [link] = await db
    .select({ objectId: externalLinks.externalId })
    .from(externalLinks)
    .where(
      and(
        eq(externalLinks.workspaceId, workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        eq(externalLinks.entityKind, LINK_ENTITY),
        eq(externalLinks.entityId, customerId),
        eq(externalLinks.externalType, HUBSPOT_RECORD_TYPE_ID[type]),
      ),
    );
  return link?.objectId ?? null;
}

/**
 * Replaces whatever link the record has with one to the customer `customerId`, and drops that
 * customer's other link of the type. Two first orders for one new contact at once both write it; the second then finds
 * the first's link and leaves it.
 */
export async function writeRecordLink(
  db: DbOrTx,
  input: { workspaceId: string; type: HubspotRecordType; objectId: string; customerId: string },
): Promise<void> {
  const { workspaceId, type, objectId, customerId } = input;
  await db.delete(externalLinks).where(linkOf(workspaceId, type, objectId));
  await db
    .delete(externalLinks)
    .where(
      and(
        eq(externalLinks.workspaceId, workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        eq(externalLinks.entityKind, LINK_ENTITY),
        eq(externalLinks.entityId, customerId),
        eq(externalLinks.externalType, HUBSPOT_RECORD_TYPE_ID[type]),
      ),
    );
  await db
    .insert(externalLinks)
    .values({
      workspaceId,
      entityKind: LINK_ENTITY,
      entityId: customerId,
      provider: 'hubspot',
      externalType: HUBSPOT_RECORD_TYPE_ID[type],
      externalId: objectId,
    })
    .onConflictDoNothing();
}

/** Drops the record's link; returns whether it had one. */
export async function deleteRecordLink(
  db: DbOrTx,
  workspaceId: string,
  type: HubspotRecordType,
  objectId: string,
): Promise<boolean> {
  const removed = await db
    .delete(externalLinks)
    .where(linkOf(workspaceId, type, objectId))
    .returning();
  return removed.length > 0;
}

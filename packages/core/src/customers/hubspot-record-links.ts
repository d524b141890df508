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
  await replaceCustomerRow(db, { workspaceId, entityKind: LINK_ENTITY, customerId, type, objectId });
}

/**
 * Makes `objectId` the one row of `entityKind` (a link or a disconnect's marker) that the customer
 * has for this record type, replacing the one it had.
 */
async function replaceCustomerRow(
  db: DbOrTx,
  row: {
    workspaceId: string;
    entityKind: string;
    customerId: string;
    type: HubspotRecordType;
    objectId: string;
  },
): Promise<void> {
  const externalType = HUBSPOT_RECORD_TYPE_ID[row.type];
  await db
    .delete(externalLinks)
    .where(
      and(
        eq(externalLinks.workspaceId, row.workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        eq(externalLinks.entityKind, row.entityKind),
        eq(externalLinks.entityId, row.customerId),
        eq(externalLinks.externalType, externalType),
      ),
    );
  await db
    .insert(externalLinks)
    .values({
      workspaceId: row.workspaceId,
      entityKind: row.entityKind,
      entityId: row.customerId,
      provider: 'hubspot',
      externalType,
      externalId: row.objectId,
    })
    .onConflictDoNothing();
}

/**
 * The marker a disconnect leaves: "this customer must not be matched to this record again". It is
 * an `external_links` row of its own entity kind, so the record's uniqueness still holds (one row
 * per record) and connecting the record again (`writeRecordLink`) replaces it. The sync reads it
 * and skips its email/domain/name matching for that customer and record type.
 */
export const DETACHED_ENTITY = 'customer_detached';

/** Drops the record's link; returns whether it had one. Leaves a disconnect's marker alone. */
export async function deleteRecordLink(
  db: DbOrTx,
  workspaceId: string,
  type: HubspotRecordType,
  objectId: string,
): Promise<boolean> {
  return (await removeRecordLink(db, workspaceId, type, objectId)) !== undefined;
}

/**
 * A rep's disconnect: drops the record's link and records that its customer must not be
 * auto-matched to it again (a sync would otherwise find the contact by email or the company by
 * domain and link it back at once). Returns whether the record had a link.
 */
export async function detachRecordLink(
  db: DbOrTx,
  workspaceId: string,
  type: HubspotRecordType,
  objectId: string,
): Promise<boolean> {
  const customerId = await removeRecordLink(db, workspaceId, type, objectId);
  if (!customerId) return false;
  // One marker per customer and type: the latest disconnect is the one remembered.
  await replaceCustomerRow(db, { workspaceId, entityKind: DETACHED_ENTITY, customerId, type, objectId });
  return true;
}

/** Deletes the record's link (never a marker); returns the customer it linked, if any. */
async function removeRecordLink(
  db: DbOrTx,
  workspaceId: string,
  type: HubspotRecordType,
  objectId: string,
): Promise<string | undefined> {
  const removed = await db
    .delete(externalLinks)
    .where(and(linkOf(workspaceId, type, objectId), eq(externalLinks.entityKind, LINK_ENTITY)))
    .returning({ customerId: externalLinks.entityId });
  return removed[0]?.customerId;
}

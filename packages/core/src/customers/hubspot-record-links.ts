import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { customers, externalLinks } from '../db/schema/index';

/** The HubSpot records a card sits on. */
export type HubspotRecordType = 'contact' | 'company';

/** HubSpot's object type ids, as the sync stores them in `external_links.external_type`. */
export const HUBSPOT_RECORD_TYPE_ID = { contact: '0-1', company: '0-2' } as const;

/**
 * What a record is connected to: a contact to one customer (the link the sync also keeps), a
 * company to one customer account. A company the sync linked to a company customer counts as
 * connected to that customer's account.
 */
export type RecordConnection =
  | { kind: 'customer'; customerId: string }
  | { kind: 'customer_account'; accountId: string };

/** Which of our entities a record type links to. */
export const RECORD_ENTITY_KIND = { contact: 'customer', company: 'customer_account' } as const;

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
  if (!link) return null;
  if (type === 'contact') return link.kind === 'customer' ? { kind: 'customer', customerId: link.id } : null;
  if (link.kind === 'customer_account') return { kind: 'customer_account', accountId: link.id };
  if (link.kind !== 'customer') return null;
  const [customer] = await db
    .select({ accountId: customers.customerAccountId })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, link.id)));
  return customer?.accountId ? { kind: 'customer_account', accountId: customer.accountId } : null;
}

/** The record of that type an entity is linked to, if any. */
export async function findLinkedRecord(
  db: DbOrTx,
  workspaceId: string,
  type: HubspotRecordType,
  entityId: string,
): Promise<string | null> {
  const [link] = await db
    .select({ objectId: externalLinks.externalId })
    .from(externalLinks)
    .where(
      and(
        eq(externalLinks.workspaceId, workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        eq(externalLinks.entityKind, RECORD_ENTITY_KIND[type]),
        eq(externalLinks.entityId, entityId),
        eq(externalLinks.externalType, HUBSPOT_RECORD_TYPE_ID[type]),
      ),
    );
  return link?.objectId ?? null;
}

/**
 * Replaces whatever link the record has with one to `entityId`, and drops the entity's other link
 * of that type. Two first orders for one new contact at once both write it; the second then finds
 * the first's link and leaves it.
 */
export async function writeRecordLink(
  db: DbOrTx,
  input: { workspaceId: string; type: HubspotRecordType; objectId: string; entityId: string },
): Promise<void> {
  const { workspaceId, type, objectId, entityId } = input;
  await db.delete(externalLinks).where(linkOf(workspaceId, type, objectId));
  await db
    .delete(externalLinks)
    .where(
      and(
        eq(externalLinks.workspaceId, workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        eq(externalLinks.entityKind, RECORD_ENTITY_KIND[type]),
        eq(externalLinks.entityId, entityId),
        eq(externalLinks.externalType, HUBSPOT_RECORD_TYPE_ID[type]),
      ),
    );
  await db
    .insert(externalLinks)
    .values({
      workspaceId,
      entityKind: RECORD_ENTITY_KIND[type],
      entityId,
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

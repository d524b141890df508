import type { DbOrTx } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { and, eq, inArray } from 'drizzle-orm';

const { externalLinks } = schema;

/** Our HubSpot links of some entities, for one HubSpot object type. */
function linksOf(workspaceId: string, entityKind: string, externalType: string, entityIds: string[]) {
  return and(
    eq(externalLinks.workspaceId, workspaceId),
    eq(externalLinks.provider, 'hubspot'),
    eq(externalLinks.entityKind, entityKind),
    eq(externalLinks.externalType, externalType),
    inArray(externalLinks.entityId, entityIds),
  );
}

/** Our entity id → HubSpot record id, for one HubSpot object type. */
export async function loadHubspotLinks(
  db: DbOrTx,
  workspaceId: string,
  entityKind: string,
  externalType: string,
  entityIds: string[],
): Promise<Map<string, string>> {
  if (entityIds.length === 0) return new Map();
  const rows = await db
    .select({ entityId: externalLinks.entityId, externalId: externalLinks.externalId })
    .from(externalLinks)
    .where(linksOf(workspaceId, entityKind, externalType, entityIds));
  return new Map(rows.map((r) => [r.entityId, r.externalId]));
}

/**
 * Stores (or moves) links. A HubSpot record already linked to another of our entities keeps its
 * first link: two customers sharing an email share one contact, which belongs to the first.
 */
export async function saveHubspotLinks(
  db: DbOrTx,
  workspaceId: string,
  entityKind: string,
  externalType: string,
  links: Map<string, string>,
): Promise<void> {
  if (links.size === 0) return;
  const entityIds = [...links.keys()];
  const current = await loadHubspotLinks(db, workspaceId, entityKind, externalType, entityIds);
  const changed = entityIds.filter((id) => current.get(id) !== links.get(id));
  if (changed.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.delete(externalLinks).where(linksOf(workspaceId, entityKind, externalType, changed));
    await tx
      .insert(externalLinks)
      .values(
        changed.map((entityId) => ({
          workspaceId,
          entityKind,
          entityId,
          provider: 'hubspot' as const,
          externalType,
          externalId: links.get(entityId)!,
        })),
      )
      .onConflictDoNothing();
  });
}

/** Drops links whose HubSpot record is gone, so nothing is associated with it any more. */
export async function dropHubspotLinks(
  db: DbOrTx,
  workspaceId: string,
  entityKind: string,
  externalType: string,
  entityIds: string[],
): Promise<void> {
  if (entityIds.length === 0) return;
  await db.delete(externalLinks).where(linksOf(workspaceId, entityKind, externalType, entityIds));
}

/**
 * HubSpot record id → the one entity of ours linked to it (the link is unique per record, so the
 * first entity to store it keeps it until the record is gone).
 */
export async function loadLinkedEntities(
  db: DbOrTx,
  workspaceId: string,
  entityKind: string,
  externalType: string,
  externalIds: string[],
): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .select({ entityId: externalLinks.entityId, externalId: externalLinks.externalId })
    .from(externalLinks)
    .where(
      and(
        eq(externalLinks.workspaceId, workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        eq(externalLinks.entityKind, entityKind),
        eq(externalLinks.externalType, externalType),
        inArray(externalLinks.externalId, externalIds),
      ),
    );
  return new Map(rows.map((r) => [r.externalId, r.entityId]));
}

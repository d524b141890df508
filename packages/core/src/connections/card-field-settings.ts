import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { hubspotCardSettings } from '../db/schema/index';

export type CardLayout = 'sidebar' | 'table';
export type CardFieldSettings = Record<CardLayout, string[] | null>;

/** One HubSpot user's field choice per Licenses card layout; null where they never chose. */
export async function getCardFieldSettings(
  db: DbOrTx,
  key: { workspaceId: string; portalId: string; hubspotUserId: string },
): Promise<CardFieldSettings> {
  const rows = await db
    .select({ layout: hubspotCardSettings.layout, fields: hubspotCardSettings.fields })
    .from(hubspotCardSettings)
    .where(
      and(
        eq(hubspotCardSettings.workspaceId, key.workspaceId),
        eq(hubspotCardSettings.portalId, key.portalId),
        eq(hubspotCardSettings.hubspotUserId, key.hubspotUserId),
      ),
    );
  const settings: CardFieldSettings = { sidebar: null, table: null };
  for (const r of rows) settings[r.layout] = r.fields;
  return settings;
}

/** Stores (replaces) one user's choice for one layout; saving the same twice is harmless. */
export async function saveCardFieldSettings(
  db: DbOrTx,
  input: {
    workspaceId: string;
    portalId: string;
    hubspotUserId: string;
    layout: CardLayout;
    fields: string[];
  },
): Promise<void> {
  await db
    .insert(hubspotCardSettings)
    .values({ ...input, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [
        hubspotCardSettings.workspaceId,
        hubspotCardSettings.portalId,
        hubspotCardSettings.hubspotUserId,
        hubspotCardSettings.layout,
      ],
      set: { fields: sql`excluded.fields`, updatedAt: sql`excluded.updated_at` },
    });
}

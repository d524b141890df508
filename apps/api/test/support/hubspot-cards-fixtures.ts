import type { Db } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { type HubspotFetchInit, hubspotFetch } from '@licensync/fakes/hubspot';
import type { ApiStack } from './start-api';

export const CLIENT_SECRET = 'hubspot-app-secret';
export const PORTAL = 4242;
export const OTHER_PORTAL = 5353;

/** The catalog of the card tests: a key product with features and a custom field, and a user product. */
export const CARD_CATALOG = {
  products: [
    {
      short_code: 'pro',
      name: 'Pro',
      authorization_method: 'license-key',
      features: [
        { code: 'export', name: 'Export' },
        { code: 'batch', name: 'Batch' },
      ],
      custom_fields: [{ name: 'tier', default_value: 'standard' }],
      policies: [
        {
          code: 'annual',
          name: 'Annual',
          license_type: 'time-limited',
          valid_duration: '1y',
          features: ['batch'],
        },
        { code: 'forever', name: 'Perpetual', license_type: 'perpetual', is_default: true },
      ],
    },
    {
      short_code: 'seats',
      name: 'Seats',
      authorization_method: 'user',
      policies: [
        { code: 'team', name: 'Team', license_type: 'perpetual', max_license_users: 5, is_default: true },
      ],
    },
  ],
};

/** Connects a portal to a workspace as the OAuth callback would have (a static token is enough here). */
export async function connectPortal(db: Db, workspaceId: string, portalId: number): Promise<void> {
  await db.insert(schema.hubspotConnections).values({
    workspaceId,
    portalId: String(portalId),
    authKind: 'static',
    accessToken: 'enc:v1:unused',
  });
}

/** `hubspot.fetch` from a card in `portalId`, signed with the app's secret. */
export function cardFetch(stack: ApiStack, portalId = PORTAL) {
  const caller = {
    apiUrl: stack.api.url,
    publicUrl: stack.env.config.PUBLIC_URL,
    clientSecret: CLIENT_SECRET,
    portalId,
    userId: 77,
    userEmail: 'rep@seller.example',
    appId: 9001,
  };
  return (path: string, init?: HubspotFetchInit) => hubspotFetch(caller, `/hubspot/cards${path}`, init);
}

/** Row counts of everything a card request could write, to show a refused one wrote nothing. */
export async function ledgerCounts(db: Db) {
  const tables = {
    orders: schema.orders,
    licenses: schema.licenses,
    customers: schema.customers,
    accounts: schema.customerAccounts,
    links: schema.externalLinks,
    outbox: schema.syncOutbox,
    history: schema.activityLog,
    features: schema.licenseFeatures,
    runs: schema.resyncRuns,
  };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await db.select().from(table)).length;
  return out;
}

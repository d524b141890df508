import { parseInput } from '@licensync/core/catalog';
import {
  HUBSPOT_RECORD_TYPE_ID,
  type HubspotRecordType,
  RECORD_ENTITY_KIND,
  searchCustomerAccounts,
  searchCustomers,
} from '@licensync/core/customers';
import type { DbOrTx } from '@licensync/core/db';
import { InvalidInputError } from '@licensync/core/errors';
import * as schema from '@licensync/core/schema';
import { and, eq, inArray } from 'drizzle-orm';
import { similarQuery } from './card-bodies';

type MatchedOn = 'email' | 'name' | 'domain';

const PER_QUERY = 10;
const domainOf = (email: string | undefined) => email?.split('@')[1]?.toLowerCase();

/**
 * Customers (for a contact) or customer accounts (for a company) that may be the record, by its
 * email, name and domain, each saying which of them matched; best matches of the email first. The
 * card passes what it knows of the record, so nothing is read from HubSpot.
 */
export async function findSimilarCustomers(
  db: DbOrTx,
  workspaceId: string,
  type: HubspotRecordType,
  rawQuery: unknown,
) {
  const q = parseInput(similarQuery, rawQuery);
  const email = q.email?.trim().toLowerCase() || undefined;
  const name = q.name?.trim() || undefined;
  const domain = (q.domain?.trim().toLowerCase() || domainOf(email)) ?? undefined;
  if (!email && !name && !domain) throw new InvalidInputError({ query: 'pass email, name or domain' });
  const found = new Map<string, { json: Record<string, unknown>; matchedOn: MatchedOn[] }>();
  const add = (id: string, json: Record<string, unknown>, on: MatchedOn) => {
    const hit = found.get(id) ?? { json, matchedOn: [] };
    if (!hit.matchedOn.includes(on)) hit.matchedOn.push(on);
    found.set(id, hit);
  };
  if (type === 'contact') {
    const search = async (query: string, on: MatchedOn) => {
      for (const m of await searchCustomers({ db, workspaceId, query, limit: PER_QUERY })) {
        const c = m.customer;
        add(
          c.id,
          { kind: 'customer', id: c.id, email: c.email, name: c.name, company: m.account?.name ?? null },
          on,
        );
      }
    };
    if (email) await search(email, 'email');
    if (name) await search(name, 'name');
    if (domain) await search(domain, 'domain');
  } else {
    const search = async (query: string, on: MatchedOn) => {
      for (const a of await searchCustomerAccounts({ db, workspaceId, query, limit: PER_QUERY }))
        add(a.id, { kind: 'customer_account', id: a.id, name: a.name, domain: a.domain }, on);
    };
    if (name) await search(name, 'name');
    if (domain) await search(domain, 'domain');
  }
  const linked = await linkedRecords(db, workspaceId, type, [...found.keys()]);
  return [...found.entries()].map(([id, { json, matchedOn }]) => ({
    ...json,
    matchedOn,
    // Connecting one that is already another record's needs `replace`; the card can say so first.
    connectedRecordId: linked.get(id) ?? null,
  }));
}

async function linkedRecords(db: DbOrTx, workspaceId: string, type: HubspotRecordType, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ entityId: schema.externalLinks.entityId, objectId: schema.externalLinks.externalId })
    .from(schema.externalLinks)
    .where(
      and(
        eq(schema.externalLinks.workspaceId, workspaceId),
        eq(schema.externalLinks.provider, 'hubspot'),
        eq(schema.externalLinks.entityKind, RECORD_ENTITY_KIND[type]),
        eq(schema.externalLinks.externalType, HUBSPOT_RECORD_TYPE_ID[type]),
        inArray(schema.externalLinks.entityId, ids),
      ),
    );
  return new Map(rows.map((r) => [r.entityId, r.objectId]));
}

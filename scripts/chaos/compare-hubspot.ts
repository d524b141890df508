import type { Db } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import type { FakeHubspot } from '@licensync/fakes/hubspot';
import { getHubspotConnection } from '@licensync/hubspot';
import type { LedgerLicense } from './compare-ledger';
import type { StoryPlan } from './make-stories';
import type { Tally } from './state-tally';

/** Every ledger license in the fake HubSpot once, with its status and key; one contact per buyer. */
export async function compareHubspot(
  db: Db,
  hubspot: FakeHubspot,
  ledger: { plan: StoryPlan; licenses: LedgerLicense[]; customers: { id: string; email: string }[] },
  tally: Tally,
) {
  const outbox = await db
    .select({ status: schema.syncOutbox.status, objectId: schema.syncOutbox.objectId })
    .from(schema.syncOutbox);
  const open = outbox.filter((o) => o.status === 'pending' || o.status === 'processing');
  // A record missing while its sync intent still waits is late, not lost.
  const waiting = new Set(open.map((o) => o.objectId));
  const missing = (id: string | undefined) => (id === undefined || waiting.has(id) ? 'pending' : 'lost');

  const [workspace] = await db.select().from(schema.workspaces);
  const connection = workspace ? await getHubspotConnection(db, workspace.id) : null;
  const licenseType = connection?.objectTypeIds.licenses;
  const records = licenseType ? hubspot.records(licenseType) : [];
  const byLicense = Map.groupBy(records, (r) => String(r.properties.licensync_license_id));
  for (const l of ledger.licenses) {
    const found = byLicense.get(l.id) ?? [];
    byLicense.delete(l.id);
    tally.add(missing(l.id), found.length === 0 ? 1 : 0, `license ${l.id} not in HubSpot`);
    tally.add('duplicated', found.length - 1, `license ${l.id} in HubSpot ${found.length} times`);
    const props = found[0]?.properties;
    const stale =
      props && (props.status !== (l.enabled ? 'active' : 'disabled') || props.license_key !== l.licenseKey);
    const kind = waiting.has(l.id) ? 'pending' : 'wrong';
    tally.add(kind, stale ? 1 : 0, `HubSpot record of ${l.id} reads ${props?.status}/${props?.license_key}`);
  }
  for (const stray of byLicense.values()) {
    tally.add('duplicated', stray.length, 'HubSpot license record of no license');
  }

  const contacts = hubspot.records('0-1');
  const emails = new Set(contacts.map((c) => String(c.properties.email)));
  tally.add('duplicated', contacts.length - emails.size, 'HubSpot contacts with the same email');
  const customerIds = new Map(ledger.customers.map((c) => [c.email, c.id]));
  for (const story of ledger.plan.stories) {
    if (!emails.has(story.email))
      tally.add(missing(customerIds.get(story.email)), 1, `contact ${story.email}`);
  }

  return {
    totals: { hubspotLicenses: records.length, hubspotContacts: contacts.length },
    failedIntents: outbox.filter((o) => o.status === 'failed').length,
    openIntents: open.length,
  };
}

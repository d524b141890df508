import { type Db, getHubspotConnection, schema } from '../../packages/core/src/index';
import type { FakeHubspot } from '../../packages/testkit/src/fake-hubspot/index';
import type { LedgerLicense } from './compare-ledger';
import type { StoryPlan } from './make-stories';
import type { Tally } from './state-tally';

/** Every ledger license in the fake HubSpot once, with its status and key; one contact per buyer. */
export async function compareHubspot(
  db: Db,
  hubspot: FakeHubspot,
  plan: StoryPlan,
  licenses: LedgerLicense[],
  tally: Tally,
) {
  const [workspace] = await db.select().from(schema.workspaces);
  const connection = workspace ? await getHubspotConnection(db, workspace.id) : null;
  const licenseType = connection?.objectTypeIds.licenses;
  const records = licenseType ? hubspot.records(licenseType) : [];
  const byLicense = Map.groupBy(records, (r) => String(r.properties.licensync_license_id));
  for (const l of licenses) {
    const found = byLicense.get(l.id) ?? [];
    byLicense.delete(l.id);
    tally.add('lost', found.length === 0 ? 1 : 0, `license ${l.id} not in HubSpot`);
    tally.add('duplicated', found.length - 1, `license ${l.id} in HubSpot ${found.length} times`);
    const props = found[0]?.properties;
    const stale =
      props && (props.status !== (l.enabled ? 'active' : 'disabled') || props.license_key !== l.licenseKey);
    tally.add(
      'wrong',
      stale ? 1 : 0,
      `HubSpot record of ${l.id} reads ${props?.status}/${props?.license_key}`,
    );
  }
  for (const stray of byLicense.values())
    tally.add('duplicated', stray.length, 'HubSpot license record of no license');

  const contacts = hubspot.records('0-1');
  const emails = new Set(contacts.map((c) => String(c.properties.email)));
  tally.add('duplicated', contacts.length - emails.size, 'HubSpot contacts with the same email');
  for (const story of plan.stories)
    if (!emails.has(story.email)) tally.add('lost', 1, `contact ${story.email}`);

  const outbox = await db.select({ status: schema.syncOutbox.status }).from(schema.syncOutbox);
  return {
    totals: { hubspotLicenses: records.length, hubspotContacts: contacts.length },
    failedIntents: outbox.filter((o) => o.status === 'failed').length,
    openIntents: outbox.filter((o) => o.status === 'pending' || o.status === 'processing').length,
  };
}

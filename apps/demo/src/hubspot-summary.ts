import type { FakeHubspot } from '@licensync/fakes/hubspot';

const OBJECTS = [
  ['contacts', 'contacts'],
  ['companies', 'companies'],
  ['licenses', 'licensync_license'],
  ['subscriptions', 'licensync_subscription'],
  ['invoices', 'licensync_invoice'],
] as const;

/** What the simulated HubSpot portal holds now, as printable lines. */
export function hubspotSummary(hubspot: FakeHubspot, email: string): string {
  const counts = OBJECTS.map(([label, type]) => `${hubspotRecords(hubspot, type).length} ${label}`).join(
    ', ',
  );
  const licenses = hubspotRecords(hubspot, 'licensync_license')
    .filter((r) => r.properties.customer_email === email)
    .map(
      (r) =>
        `    ${r.properties.license_key}  ${r.properties.status}  valid until ${r.properties.valid_until || '-'}`,
    );
  return [
    `Simulated HubSpot portal ${hubspot.defaultPortal.portalId}: ${counts}`,
    `  ${email}'s licenses there:`,
    ...licenses,
  ].join('\n');
}

/** Records of a standard object by name, or of one of our custom objects by its portal-qualified name. */
export function hubspotRecords(hubspot: FakeHubspot, type: string) {
  const qualified = type.startsWith('licensync_') ? `p${hubspot.defaultPortal.portalId}_${type}` : type;
  return hubspot.records(qualified);
}

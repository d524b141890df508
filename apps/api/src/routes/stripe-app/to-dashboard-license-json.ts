import type { LicenseDetails } from '@licensync/core/licenses';
import { type ConsoleLinks, consoleRecordUrl } from '@licensync/mappers';
import { toLicenseJson } from '../admin/to-license-json';

/**
 * A license as the Stripe app shows it: the admin API's fields and the link to its console page,
 * naming the workspace (else the console looks in the one the operator last viewed: a 404).
 */
export function toDashboardLicenseJson(details: LicenseDetails, links: ConsoleLinks) {
  return { ...toLicenseJson(details), console_url: consoleRecordUrl(links, 'licenses', details.license.id) };
}

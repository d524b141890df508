import type { LicenseDetails } from '@licensync/core/licenses';
import { toLicenseJson } from '../admin/to-license-json';

/** A license as the Stripe app shows it: the admin API's fields and the link to the console. */
export function toDashboardLicenseJson(details: LicenseDetails, publicUrl: string) {
  return {
    ...toLicenseJson(details),
    console_url: new URL(`console/licenses/${details.license.id}`, withSlash(publicUrl)).toString(),
  };
}

// `new URL('console/…', 'https://x.test/licensync')` would drop `licensync`.
const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

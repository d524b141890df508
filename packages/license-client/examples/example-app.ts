/**
 * A vendor's app using @licensync/license-client: activate once, check at start and every few
 * hours, keep working offline within the grace period, free the seat on uninstall.
 *
 *   LICENSYNC_URL=http://localhost:3000 LICENSE_KEY=XXXX-XXXX-XXXX-XXXX \
 *   LICENSE_PUBLIC_KEY_FILE=./pro.pem npx tsx examples/example-app.ts [uninstall]
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir, hostname, platform } from 'node:os';
import path from 'node:path';
import {
  createLicenseClient,
  fileCheckStore,
  LicenseRefusedError,
  LicenseUnreachableError,
} from '../src/index.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
};

const license = createLicenseClient({
  baseUrl: env('LICENSYNC_URL'),
  product: process.env.LICENSE_PRODUCT ?? 'pro',
  // Shipped with the app (downloaded once from /license/v1/products/pro/public-key).
  publicKeyPem: await readFile(env('LICENSE_PUBLIC_KEY_FILE'), 'utf8'),
  credentials: { licenseKey: env('LICENSE_KEY') },
  // Any stable fingerprint of the machine; never send raw identifiers.
  hardwareId: createHash('sha256').update(`${hostname()}:${homedir()}`).digest('hex').slice(0, 32),
  appVersion: '2.4.0',
  os: platform(),
  graceMs: 7 * 86_400_000,
  store: fileCheckStore(path.join(homedir(), '.example-app', 'license')),
});

if (process.argv[2] === 'uninstall') {
  console.log(await license.deactivate());
  process.exit(0);
}

try {
  const { created } = await license.activate();
  if (created) console.log('this machine is now activated');
} catch (err) {
  // Offline at first start: the check below decides whether a kept check covers it.
  if (!(err instanceof LicenseUnreachableError)) throw err;
}

try {
  const state = await license.check();
  const features = state.license.features.map((f) => (f as { code: string }).code);
  console.log(
    state.source === 'online'
      ? `licensed (${state.license.license_type}); features: ${features.join(', ') || 'none'}`
      : `offline: working on the check of ${state.checkedAt.toISOString()} until ${state.graceUntil?.toISOString()}`,
  );
} catch (err) {
  if (err instanceof LicenseRefusedError) {
    console.error(`not licensed: ${err.reason} (${err.message})`);
  } else if (err instanceof LicenseUnreachableError) {
    console.error(`cannot reach the license server and no grace is left: ${err.message}`);
  } else {
    throw err;
  }
  process.exit(1);
}

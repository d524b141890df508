import { loadConfig } from '../config/load-config';
import { createDb } from '../db/client';
import { createSecretBoxFromConfig } from './create-secret-box-from-config';
import { resealSecrets } from './reseal-secrets';

// `pnpm secrets:reseal`: after moving the old ENCRYPTION_KEY into ENCRYPTION_KEYS_OLD.
const config = loadConfig(process.env);
const { db, close } = createDb(config.DATABASE_URL);
try {
  const count = await resealSecrets(db, createSecretBoxFromConfig(config));
  console.log(`re-sealed ${count} secret value(s) under the current ENCRYPTION_KEY`);
} finally {
  await close();
}

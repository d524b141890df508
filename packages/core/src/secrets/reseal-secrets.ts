import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { hubspotConnections, stripeConnections, webhookEndpoints } from '../db/schema/index';
import type { SecretBox } from './secret-box';
import { SEALED_PREFIX } from './secret-box';

/**
 * Seals every secret column under the current key: legacy plaintext (rows written before
 * encryption) and values sealed under an old key. Run at worker start and by `pnpm secrets:reseal`
 * after a key rotation; once it reports 0, the old key can leave ENCRYPTION_KEYS_OLD.
 * Returns how many values it re-sealed.
 */
export async function resealSecrets(db: Db, box: SecretBox): Promise<number> {
  const reseal = (value: string | null) => {
    if (value === null || box.isCurrent(value)) return undefined;
    return box.seal(value.startsWith(SEALED_PREFIX) ? box.open(value) : value);
  };
  let count = 0;
  await db.transaction(async (tx) => {
    for (const row of await tx.select().from(hubspotConnections).for('update')) {
      const accessToken = reseal(row.accessToken);
      const refreshToken = reseal(row.refreshToken);
      if (accessToken === undefined && refreshToken === undefined) continue;
      count += Number(accessToken !== undefined) + Number(refreshToken !== undefined);
      await tx
        .update(hubspotConnections)
        .set({ ...(accessToken && { accessToken }), ...(refreshToken && { refreshToken }) })
        .where(eq(hubspotConnections.id, row.id));
    }
    for (const row of await tx.select().from(stripeConnections).for('update')) {
      const apiKey = reseal(row.apiKey);
      const webhookSecret = reseal(row.webhookSecret);
      if (apiKey === undefined && webhookSecret === undefined) continue;
      count += Number(apiKey !== undefined) + Number(webhookSecret !== undefined);
      await tx
        .update(stripeConnections)
        .set({ ...(apiKey && { apiKey }), ...(webhookSecret && { webhookSecret }) })
        .where(eq(stripeConnections.id, row.id));
    }
    for (const row of await tx.select().from(webhookEndpoints).for('update')) {
      const secret = reseal(row.secret);
      if (secret === undefined) continue;
      count += 1;
      await tx.update(webhookEndpoints).set({ secret }).where(eq(webhookEndpoints.id, row.id));
    }
  });
  return count;
}

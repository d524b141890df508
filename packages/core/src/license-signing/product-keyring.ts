import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { productSigningKeys } from '../db/schema/index';
import type { SecretBox } from '../secrets/secret-box';

export interface ProductKey {
  /** The first 16 hex digits of the SHA-256 of the public key's DER: names the key in answers. */
  keyId: string;
  publicKeyPem: string;
  privateKey: KeyObject;
}

export interface ProductKeyring {
  /** The product's Ed25519 key, created (and stored sealed) on first use. */
  keyFor(workspaceId: string, productId: string): Promise<ProductKey>;
}

export function keyIdOf(publicKeyPem: string): string {
  const der = Buffer.from(publicKeyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/**
 * Products' signing keys, opened once per process and kept: signing every answer must not cost
 * a query or an AES open. Two processes creating a product's first key race on the unique
 * product index; the loser reads the winner's key.
 */
export function createProductKeyring(deps: { db: Db; secrets: SecretBox }): ProductKeyring {
  const cache = new Map<string, Promise<ProductKey>>();

  async function load(workspaceId: string, productId: string): Promise<ProductKey> {
    const where = and(
      eq(productSigningKeys.workspaceId, workspaceId),
      eq(productSigningKeys.productId, productId),
    );
    let [row] = await deps.db.select().from(productSigningKeys).where(where);
    if (!row) {
      const pair = generateKeyPairSync('ed25519');
      const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      await deps.db
        .insert(productSigningKeys)
        .values({ workspaceId, productId, publicKeyPem, privateKeySealed: deps.secrets.seal(privatePem) })
        .onConflictDoNothing({ target: productSigningKeys.productId });
      [row] = await deps.db.select().from(productSigningKeys).where(where);
      if (!row) throw new Error(`product ${productId} is not in workspace ${workspaceId}`);
    }
    return {
      keyId: keyIdOf(row.publicKeyPem),
      publicKeyPem: row.publicKeyPem,
      privateKey: createPrivateKey(deps.secrets.open(row.privateKeySealed)),
    };
  }

  return {
    keyFor(workspaceId, productId) {
      const id = `${workspaceId}:${productId}`;
      let key = cache.get(id);
      if (!key) {
        key = load(workspaceId, productId);
        // A failed load (Postgres away) is not remembered: the next answer tries again.
        key.catch(() => cache.delete(id));
        cache.set(id, key);
      }
      return key;
    },
  };
}

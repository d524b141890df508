import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import * as schema from '@licensync/core/schema';
import { createSecretBox, resealSecrets } from '@licensync/core/secrets';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

const run = promisify(execFile);
let stack: HubspotStack;

beforeAll(async () => {
  stack = await startHubspotStack();
  await stack.runtime.hubspot.connected;
});
afterAll(() => stack.close());

const dump = async () =>
  (await run('pg_dump', ['--data-only', stack.env.config.DATABASE_URL], { maxBuffer: 64 * 1024 * 1024 }))
    .stdout;

describe('tokens at rest', () => {
  it('the HubSpot token is in no raw SELECT and no pg_dump, yet the worker uses it', async () => {
    const token = stack.fake.defaultPortal.token;
    const raw = await stack.runtime.db.execute(sql`select access_token from hubspot_connections`);
    expect(raw.rows).toHaveLength(1);
    expect(String(raw.rows[0]!.access_token)).toMatch(/^enc:v1:/);
    expect(JSON.stringify(raw.rows)).not.toContain(token);
    const text = await dump();
    expect(text).toContain('enc:v1:');
    expect(text).not.toContain(token);
    // The worker deployed the schema with it: HubSpot accepted the decrypted token.
    expect(Object.keys(await stack.objectTypeIds())).toHaveLength(3);
  });

  it('a legacy plaintext row is sealed by the next worker start', async () => {
    const token = stack.fake.defaultPortal.token;
    await stack.runtime.db.update(schema.hubspotConnections).set({ accessToken: token });
    await stack.restart({});
    const [row] = await stack.runtime.db.select().from(schema.hubspotConnections);
    expect(row!.accessToken).toMatch(/^enc:v1:/);
    expect(await dump()).not.toContain(token);
  });

  it('key rotation: rows sealed under the old key open with it in ENCRYPTION_KEYS_OLD, then reseal to the new key', async () => {
    const oldKey = stack.env.config.ENCRYPTION_KEY;
    const newKey = randomBytes(32).toString('base64');
    const rotated = createSecretBox({ key: newKey, oldKeys: [oldKey] });
    const [before] = await stack.runtime.db.select().from(schema.hubspotConnections);
    expect(rotated.isCurrent(before!.accessToken)).toBe(false);

    expect(await resealSecrets(stack.runtime.db, rotated)).toBe(1);
    const [after] = await stack.runtime.db.select().from(schema.hubspotConnections);
    expect(rotated.isCurrent(after!.accessToken)).toBe(true);
    expect(createSecretBox({ key: newKey }).open(after!.accessToken)).toBe(stack.fake.defaultPortal.token);
    expect(await resealSecrets(stack.runtime.db, rotated)).toBe(0);

    // A worker on the new key alone connects with the resealed row.
    await stack.restart({ ENCRYPTION_KEY: newKey, HUBSPOT_ACCESS_TOKEN: undefined });
    const portals = await stack.runtime.db.select().from(schema.hubspotConnections);
    await expect(stack.runtime.hubspot.portals.ready(portals[0]!)).resolves.toBeTruthy();
  });
});

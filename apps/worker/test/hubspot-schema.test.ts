import { ensureDefaultWorkspace } from '@licensync/core/workspaces';
import { deployHubspotSchema, getHubspotConnection, HUBSPOT_SCHEMA } from '@licensync/hubspot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSession } from './hubspot-fixtures';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;

beforeAll(async () => {
  // The config's default poll interval, not the stack's 100 ms, as before the stack existed.
  stack = await startHubspotStack({ env: { HUBSPOT_SYNC_POLL_MS: '500' } });
});
afterAll(() => stack.close());

const writes = () => stack.fake.requests().filter((r) => r.method !== 'GET').length;
const connection = async () =>
  (await getHubspotConnection(stack.runtime.db, (await ensureDefaultWorkspace(stack.runtime.db)).id))!;
const raw = (method: string, path: string) =>
  fetch(`${stack.fake.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.fake.defaultPortal.token}` },
  });

describe('HubSpot schema deployment', () => {
  it('connects the token’s portal and creates the custom objects, properties and associations on start', async () => {
    const conn = await connection();
    expect(conn.portalId).toBe(String(stack.fake.defaultPortal.portalId));
    expect(conn.schemaVersion).toBe(HUBSPOT_SCHEMA.version);
    const schemas = stack.fake.schemas();
    expect(schemas.map((s) => s.name).sort()).toEqual([
      'licensync_invoice',
      'licensync_license',
      'licensync_subscription',
    ]);
    for (const s of schemas) {
      expect(Object.values(conn.objectTypeIds)).toContain(s.objectTypeId);
      expect(s.associations.map((a) => a.toObjectTypeId).sort()).toEqual(['0-1', '0-2', '0-3']);
      expect(s.properties.filter((p) => p.hasUniqueValue).map((p) => p.name)).toEqual([`${s.name}_id`]);
    }
    for (const type of ['0-1', '0-2']) {
      const unique = stack.fake.properties(type).find((p) => p.name === 'licensync_customer_id');
      expect(unique?.hasUniqueValue).toBe(true);
    }
  });

  it('makes no write call when the portal already matches', async () => {
    const { session, close } = testSession(stack.env.config, stack.env.logger, stack.fake.defaultPortal);
    const before = writes();
    const result = await deployHubspotSchema({ client: session.client, call: session.call });
    await close();
    expect(result.writes).toBe(0);
    expect(writes()).toBe(before);
    expect(result.objectTypeIds).toEqual((await connection()).objectTypeIds);
  });

  it('re-creates a property deleted in HubSpot, with nothing else written', async () => {
    const { licenses } = (await connection()).objectTypeIds;
    expect((await raw('DELETE', `/crm/v3/properties/${licenses}/valid_until`)).status).toBe(204);
    expect((await raw('DELETE', '/crm/v3/properties/contacts/licensync_tax_id')).status).toBe(204);
    const { session, close } = testSession(stack.env.config, stack.env.logger, stack.fake.defaultPortal);
    const result = await deployHubspotSchema({ client: session.client, call: session.call });
    await close();
    expect(result.writes).toBe(2);
    expect(stack.fake.properties(licenses!).map((p) => p.name)).toContain('valid_until');
    expect(stack.fake.properties('0-1').map((p) => p.name)).toContain('licensync_tax_id');
  });

  it('re-creates a whole object deleted in HubSpot on the next start and stores its new objectTypeId', async () => {
    const old = (await connection()).objectTypeIds.invoices!;
    expect((await raw('DELETE', `/crm-object-schemas/v3/schemas/${old}?archived=true`)).status).toBe(204);
    await stack.restart({});
    const now = (await connection()).objectTypeIds.invoices!;
    expect(now).not.toBe(old);
    expect(stack.fake.schemas().find((s) => s.objectTypeId === now)?.name).toBe('licensync_invoice');
  });
});

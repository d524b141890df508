import { readFileSync } from 'node:fs';
import { Alert, hubspot, Table } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKEND_URL } from '../src/app/cards/lib/backend-url.generated';
import { fakeBackend } from './support/fake-backend';
import { connectedAnswer, license, notConnectedAnswer } from './support/fixtures';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

type Extension = (api: { context: unknown; actions: unknown }) => ReactNode;

/** Loads a card's entry file as HubSpot does and returns what it registered with hubspot.extend. */
async function loadCard(file: string): Promise<Extension> {
  const extend = vi.spyOn(hubspot, 'extend').mockImplementation(() => undefined as never);
  extend.mockClear();
  await import(`../src/app/cards/${file.replace(/\.tsx$/, '')}.tsx`);
  expect(extend).toHaveBeenCalledTimes(1);
  return extend.mock.calls[0]?.[0] as unknown as Extension;
}

const cardFiles = () =>
  ['licenses-sidebar', 'licenses-table', 'deal-contact-licenses', 'deal-company-licenses'].map((name) => {
    const meta = JSON.parse(
      readFileSync(new URL(`../src/app/cards/${name}-hsmeta.json`, import.meta.url), 'utf8'),
    );
    return {
      name,
      location: meta.config.location,
      entry: String(meta.config.entrypoint).replace('/app/cards/', ''),
    };
  });

describe('card entry points', () => {
  it('each card’s hsmeta names an entry file that registers the card', async () => {
    for (const card of cardFiles()) {
      vi.resetModules();
      const extension = await loadCard(card.entry);
      expect(typeof extension, card.name).toBe('function');
    }
  });

  it('the Licenses table passes the record from HubSpot’s context (a contact, 0-1) and calls the configured backend', async () => {
    const fake = fakeBackend({
      'GET /hubspot/cards/records/contact/123/licenses': { body: connectedAnswer([license()]) },
    });
    const extension = await loadCard('LicensesTableCard.tsx');
    const r = createRenderer('crm.record.tab');
    r.render(extension({ context: r.mocks.context, actions: r.mocks.actions }));
    await r.waitFor(() => expect(r.find(Table)).toBeTruthy());
    expect(String(fake.spy.mock.calls[0]?.[0])).toBe(
      `${BACKEND_URL}/hubspot/cards/records/contact/123/licenses?limit=50`,
    );
  });

  it('the Licenses sidebar on a company (0-2)', async () => {
    fakeBackend({ 'GET /hubspot/cards/records/company/77/licenses': { body: notConnectedAnswer } });
    const extension = await loadCard('LicensesSidebarCard.tsx');
    const r = createRenderer('crm.record.sidebar');
    r.render(
      extension({
        context: { ...r.mocks.context, crm: { objectId: 77, objectTypeId: '0-2' } },
        actions: r.mocks.actions,
      }),
    );
    await r.waitFor(() => expect(r.findByTestId(Alert, 'not-connected')).toBeTruthy());
  });

  it('the deal cards ask for the deal’s contacts and companies', async () => {
    const fake = fakeBackend({ 'GET /hubspot/cards/deals/55/licenses': { body: { records: [] } } });
    for (const [file, of] of [
      ['DealContactLicensesCard.tsx', 'contacts'],
      ['DealCompanyLicensesCard.tsx', 'companies'],
    ] as const) {
      vi.resetModules();
      const extension = await loadCard(file);
      const r = createRenderer('crm.record.tab');
      r.render(
        extension({
          context: { ...r.mocks.context, crm: { objectId: 55, objectTypeId: '0-3' } },
          actions: r.mocks.actions,
        }),
      );
      await r.waitFor(() => expect(fake.calls.some((c) => c.query.get('of') === of)).toBe(true));
    }
  });
});

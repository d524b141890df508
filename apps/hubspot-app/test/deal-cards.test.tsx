import {
  Button,
  EmptyState,
  ErrorState,
  Heading,
  Link,
  LoadingSpinner,
  Table,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DealLicenses } from '../src/app/cards/components/deal-licenses';
import { createBackend } from '../src/app/cards/lib/backend';
import { BASE_URL, fakeBackend } from './support/fake-backend';
import { license } from './support/fixtures';
import { textOf } from './support/text';

afterEach(() => vi.restoreAllMocks());

const backend = (timeoutMs?: number) => createBackend({ baseUrl: BASE_URL, timeoutMs });
const path = '/hubspot/cards/deals/3001/licenses';

describe('Deal Contact Licenses / Deal Company Licenses', () => {
  it('lists each associated contact with a few of its licenses and how many more there are', async () => {
    const fake = fakeBackend({
      [`GET ${path}`]: {
        body: {
          records: [
            {
              objectType: 'contact',
              objectId: '901',
              name: 'Ada Lovelace',
              licenses: [license(), license({ id: 'lic_2', key: 'K2' })],
              more: 4,
            },
            { objectType: 'contact', objectId: '902', name: 'Charles Babbage', licenses: [], more: 0 },
            { objectType: 'contact', objectId: '903', name: 'Mary', connected: false, licenses: [], more: 0 },
          ],
          totalRecords: 28,
          moreRecords: 25,
        },
      },
    });
    const r = createRenderer('crm.record.tab');
    r.render(<DealLicenses dealId="3001" of="contacts" backend={backend()} />);
    expect(r.find(LoadingSpinner)).toBeTruthy();
    await r.waitFor(() =>
      expect(r.findAll(Heading).map((h) => h.text)).toEqual(['Ada Lovelace', 'Charles Babbage', 'Mary']),
    );
    expect(r.findAll(TableRow)).toHaveLength(3);
    expect(r.findByTestId(Text, 'more-901').text).toBe('4 more — open the contact to see all its licenses.');
    expect(r.findByTestId(Text, 'more-records').text).toBe(
      "This deal has 25 more contacts not shown here: open the deal's associations to see them all.",
    );
    expect(textOf(r.getRootNode())).toContain('No licenses for this contact.');
    expect(textOf(r.getRootNode())).toContain('Not connected to a licensync customer: open the contact');
    // Deal cards show licenses; they are updated from their contact or company.
    expect(r.maybeFindByTestId(Button, 'update-lic_1')).toBeNull();
    expect(Object.fromEntries(fake.calls[0]?.query ?? [])).toEqual({ of: 'contacts', perRecord: '5' });
  });

  it('polls while the backend is still reading the deal’s associations, then shows them', async () => {
    let answers = 0;
    const fake = fakeBackend({
      [`GET ${path}`]: () => {
        answers += 1;
        return answers < 3
          ? { body: { pending: true, records: [] } }
          : {
              body: {
                records: [
                  {
                    objectType: 'company',
                    objectId: '702',
                    name: 'Analytical',
                    licenses: [license()],
                    more: 0,
                  },
                ],
              },
            };
      },
    });
    const r = createRenderer('crm.record.tab');
    r.render(<DealLicenses dealId="3001" of="companies" backend={backend()} pollMs={5} />);
    await r.waitFor(() => expect(r.find(Heading).text).toBe('Analytical'));
    expect(fake.calls).toHaveLength(3);
    expect(fake.calls.every((c) => c.query.get('of') === 'companies')).toBe(true);
  });

  it('stops polling after a while and offers to try again', async () => {
    fakeBackend({ [`GET ${path}`]: { body: { pending: true, records: [] } } });
    const r = createRenderer('crm.record.tab');
    r.render(<DealLicenses dealId="3001" of="companies" backend={backend()} pollMs={2} />);
    await r.waitFor(
      () => expect(r.find(ErrorState).props.title).toBe("Still reading the deal's associations"),
      { timeoutInMs: 3000 },
    );
    expect(r.findByTestId(Button, 'retry')).toBeTruthy();
  });

  it('shows an empty state for a deal without associated companies', async () => {
    fakeBackend({ [`GET ${path}`]: { body: { records: [] } } });
    const r = createRenderer('crm.record.tab');
    r.render(<DealLicenses dealId="3001" of="companies" backend={backend()} />);
    await r.waitFor(() => expect(r.find(EmptyState).props.title).toBe('No associated companies'));
  });

  it('shows backend errors and timeouts', async () => {
    fakeBackend({ [`GET ${path}`]: { status: 500, body: null } });
    const r = createRenderer('crm.record.tab');
    r.render(<DealLicenses dealId="3001" of="contacts" backend={backend()} />);
    await r.waitFor(() => expect(textOf(r.find(ErrorState))).toContain('licensync failed (500)'));

    vi.restoreAllMocks();
    fakeBackend({ [`GET ${path}`]: 'hang' });
    const slow = createRenderer('crm.record.tab');
    slow.render(<DealLicenses dealId="3001" of="contacts" backend={backend(40)} />);
    await slow.waitFor(() => expect(textOf(slow.find(ErrorState))).toContain('did not answer within'));
  });

  it('opens a license from the deal card', async () => {
    fakeBackend({
      [`GET ${path}`]: {
        body: {
          records: [{ objectType: 'contact', objectId: '901', name: 'Ada', licenses: [license()], more: 0 }],
        },
      },
      'GET /hubspot/cards/licenses/lic_1': {
        body: { license: license(), editableFields: [], link: 'https://licensync.test/l/1' },
      },
    });
    const r = createRenderer('crm.record.tab');
    r.render(<DealLicenses dealId="3001" of="contacts" backend={backend()} />);
    await r.waitFor(() => expect(r.find(Table)).toBeTruthy());
    r.findByTestId(Button, 'open-lic_1').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(Link, 'license-link').props.href).toEqual({
        url: 'https://licensync.test/l/1',
        external: true,
      }),
    );
    expect(r.maybeFindByTestId(Button, 'update')).toBeNull();
  });
});

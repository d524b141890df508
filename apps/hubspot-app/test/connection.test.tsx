import { Alert, Button, DescriptionList, List, ProgressBar, Select, Table } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordLicenses } from '../src/app/cards/components/record-licenses';
import { SyncLicenses } from '../src/app/cards/components/sync-licenses';
import { createBackend } from '../src/app/cards/lib/backend';
import { mockRecord } from './support/crm-mocks';
import { BASE_URL, type FakeCall, fakeBackend } from './support/fake-backend';
import { company, connectedAnswer, contact, license, notConnectedAnswer } from './support/fixtures';
import { textOf } from './support/text';

afterEach(() => vi.restoreAllMocks());

const backend = () => createBackend({ baseUrl: BASE_URL });
const base = '/hubspot/cards/records/contact/901';
const similar = {
  customers: [
    {
      kind: 'customer',
      id: 'cus_1',
      email: 'ada@example.com',
      name: 'Ada L.',
      company: null,
      matchedOn: ['email'],
    },
    {
      kind: 'customer',
      id: 'cus_2',
      email: 'ada@old.example',
      name: 'Ada Lovelace',
      company: 'Old Co',
      matchedOn: ['name'],
    },
  ],
};

function renderCard(record: typeof contact | typeof company = contact) {
  const r = createRenderer('crm.record.tab');
  mockRecord(r, {
    email: 'ada@example.com',
    firstname: 'Ada',
    lastname: 'Lovelace',
    company: null,
    name: 'Analytical',
    domain: 'analytical.example',
  });
  r.render(<RecordLicenses record={record} backend={backend()} layout="table" pollMs={5} />);
  return r;
}

describe('Connection', () => {
  it('connects an unconnected contact to a similar customer after the overwrite warning; its older licenses appear', async () => {
    let connected = false;
    const fake = fakeBackend({
      [`GET ${base}/licenses`]: () => ({
        body: connected ? connectedAnswer([license({ key: 'OLD-1' })]) : notConnectedAnswer,
      }),
      [`GET ${base}/similar-customers`]: { body: similar },
      [`PUT ${base}/connection`]: () => {
        connected = true;
        return {
          body: {
            connected: true,
            customer: { id: 'cus_2' },
            changedFields: [{ field: 'email', from: 'ada@old.example', to: 'ada@example.com' }],
          },
        };
      },
    });
    const r = renderCard();
    await r.waitFor(() => expect(r.findByTestId(Button, 'connect-customer')).toBeTruthy());
    r.findByTestId(Button, 'connect-customer').trigger('onClick');

    await r.waitFor(() => expect(r.findByTestId(Select, 'customer').props.options).toHaveLength(2));
    // The search is by what HubSpot knows of the record.
    const search = fake.callsTo('GET', `${base}/similar-customers`)[0];
    expect(Object.fromEntries(search?.query ?? [])).toEqual({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
    });
    expect(r.findByTestId(Select, 'customer').props.options[1]?.label).toBe(
      'Ada Lovelace · ada@old.example · Old Co (same name)',
    );
    expect(r.findByTestId(Alert, 'overwrite-warning').props.title).toBe(
      'Customer data in licensync will be overwritten',
    );
    expect(r.findByTestId(Button, 'connect').props.disabled).toBe(true);

    r.findByTestId(Select, 'customer').trigger('onChange', 'cus_2' as never);
    await r.waitFor(() => expect(r.findByTestId(Button, 'connect').props.disabled).toBe(false));
    r.findByTestId(Button, 'connect').trigger('onClick');
    await r.waitFor(() =>
      expect(textOf(r.findByTestId(List, 'overwritten-fields'))).toBe(
        'email: ada@old.example → ada@example.com',
      ),
    );
    expect(fake.callsTo('PUT', `${base}/connection`)[0]?.body).toEqual({
      customerId: 'cus_2',
      record: { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', company: null },
    });

    r.findByTestId(Button, 'show-licenses').trigger('onClick');
    await r.waitFor(() => expect(textOf(r.find(Table))).toContain('OLD-1'));
  });

  it('a customer connected to another record: the 409 is shown and the rep may move the link', async () => {
    const fake = fakeBackend({
      [`GET ${base}/licenses`]: { body: notConnectedAnswer },
      [`GET ${base}/similar-customers`]: { body: similar },
      [`PUT ${base}/connection`]: (call: FakeCall) =>
        call.body?.replace
          ? { body: { connected: true, changedFields: [] } }
          : {
              status: 409,
              body: { error: { code: 'conflict', message: 'Customer cus_1 is connected to contact 555.' } },
            },
    });
    const r = renderCard();
    await r.waitFor(() => expect(r.findByTestId(Button, 'connect-customer')).toBeTruthy());
    r.findByTestId(Button, 'connect-customer').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Select, 'customer')).toBeTruthy());
    r.findByTestId(Select, 'customer').trigger('onChange', 'cus_1' as never);
    await r.waitFor(() => expect(r.findByTestId(Button, 'connect').props.disabled).toBe(false));
    r.findByTestId(Button, 'connect').trigger('onClick');
    await r.waitFor(() =>
      expect(textOf(r.findByTestId(Alert, 'action-error'))).toBe(
        'Customer cus_1 is connected to contact 555.',
      ),
    );
    r.findByTestId(Button, 'connect-replace').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'connected')).toBeTruthy());
    expect(fake.callsTo('PUT', `${base}/connection`).map((c) => c.body?.replace)).toEqual([undefined, true]);
  });

  it('says so when HubSpot cannot give the record’s properties, instead of searching without them', async () => {
    const fake = fakeBackend({ [`GET ${base}/licenses`]: { body: notConnectedAnswer } });
    const r = createRenderer('crm.record.tab');
    r.mocks.useCrmProperties.willCall(() => ({
      properties: {},
      error: new Error('HubSpot did not answer.'),
      isLoading: false,
      isRefetching: false,
      refetch: async () => {},
    }));
    r.render(<RecordLicenses record={contact} backend={backend()} layout="table" />);
    await r.waitFor(() => expect(r.findByTestId(Button, 'connect-customer')).toBeTruthy());
    r.findByTestId(Button, 'connect-customer').trigger('onClick');
    await r.waitFor(() => expect(textOf(r.getRootNode())).toContain('HubSpot did not answer.'));
    expect(fake.callsTo('GET', `${base}/similar-customers`)).toHaveLength(0);
  });

  it('says so when no similar customer exists', async () => {
    fakeBackend({
      [`GET ${base}/licenses`]: { body: notConnectedAnswer },
      [`GET ${base}/similar-customers`]: { body: { customers: [] } },
    });
    const r = renderCard();
    await r.waitFor(() => expect(r.findByTestId(Button, 'connect-customer')).toBeTruthy());
    r.findByTestId(Button, 'connect-customer').trigger('onClick');
    await r.waitFor(() => expect(textOf(r.getRootNode())).toContain('Create a license to create one.'));
  });

  it('a connected record shows its customer, and can be disconnected after confirming', async () => {
    let connected = true;
    const fake = fakeBackend({
      [`GET ${base}/licenses`]: () => ({
        body: connected ? connectedAnswer([license()]) : notConnectedAnswer,
      }),
      [`DELETE ${base}/connection`]: () => {
        connected = false;
        return { body: { connected: false, disconnected: true } };
      },
    });
    const r = renderCard();
    await r.waitFor(() => expect(r.findByTestId(Button, 'connection')).toBeTruthy());
    r.findByTestId(Button, 'connection').trigger('onClick');
    await r.waitFor(() =>
      expect(textOf(r.findByTestId(DescriptionList, 'connected-customer'))).toContain('ada@example.com'),
    );
    r.findByTestId(Button, 'disconnect').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'confirm-disconnect')).toBeTruthy());
    expect(fake.callsTo('DELETE', `${base}/connection`)).toHaveLength(0);
    r.findByTestId(Button, 'disconnect-confirmed').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'not-connected')).toBeTruthy());
    expect(fake.callsTo('DELETE', `${base}/connection`)).toHaveLength(1);
  });

  it('changes a company’s connection to another customer account', async () => {
    const path = '/hubspot/cards/records/company/702';
    const fake = fakeBackend({
      [`GET ${path}/licenses`]: {
        body: {
          ...connectedAnswer([license()]),
          customer: null,
          account: { id: 'acc_1', name: 'Analytical', domain: 'analytical.example' },
        },
      },
      [`GET ${path}/similar-customers`]: {
        body: {
          customers: [
            {
              kind: 'customer_account',
              id: 'acc_2',
              name: 'Analytical Ltd',
              domain: 'analytical.example',
              matchedOn: ['domain'],
            },
          ],
        },
      },
      [`PUT ${path}/connection`]: {
        body: {
          connected: true,
          account: { id: 'acc_2' },
          changedFields: [{ field: 'name', from: 'Analytical Ltd', to: 'Analytical' }],
        },
      },
    });
    const r = renderCard(company);
    await r.waitFor(() => expect(r.findByTestId(Button, 'connection')).toBeTruthy());
    r.findByTestId(Button, 'connection').trigger('onClick');
    await r.waitFor(() =>
      expect(textOf(r.findByTestId(DescriptionList, 'connected-customer'))).toContain('Analytical'),
    );
    r.findByTestId(Button, 'change-connection').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(Select, 'customer').props.label).toBe('licensync customer account'),
    );
    expect(Object.fromEntries(fake.callsTo('GET', `${path}/similar-customers`)[0]?.query ?? [])).toEqual({
      name: 'Analytical',
      domain: 'analytical.example',
    });
    r.findByTestId(Select, 'customer').trigger('onChange', 'acc_2' as never);
    await r.waitFor(() => expect(r.findByTestId(Button, 'connect').props.disabled).toBe(false));
    r.findByTestId(Button, 'connect').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'connected')).toBeTruthy());
    expect(fake.callsTo('PUT', `${path}/connection`)[0]?.body).toEqual({
      customerId: 'acc_2',
      record: { name: 'Analytical', domain: 'analytical.example', contact: undefined },
    });
  });
});

describe('Sync Licenses', () => {
  it('queues the record’s licenses and follows the progress until it finishes', async () => {
    let polls = 0;
    const fake = fakeBackend({
      [`POST ${base}/sync`]: {
        status: 202,
        body: { syncId: 'sync_1', queued: 3, licenses: 3, customers: 1 },
      },
      'GET /hubspot/cards/syncs/sync_1': () => {
        polls += 1;
        const done = Math.min(polls, 3);
        return {
          body: { syncId: 'sync_1', queued: 3, done, failed: 0, pending: 3 - done, finished: done === 3 },
        };
      },
    });
    const r = createRenderer('crm.record.tab');
    r.render(<SyncLicenses record={contact} backend={backend()} pollMs={5} />);
    r.findByTestId(Button, 'sync-licenses').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(ProgressBar, 'sync-progress').props.maxValue).toBe(3));
    await r.waitFor(() => expect(r.findByTestId(Alert, 'sync-finished')).toBeTruthy());
    expect(r.findByTestId(ProgressBar, 'sync-progress').props.value).toBe(3);
    expect(r.findByTestId(ProgressBar, 'sync-progress').props.valueDescription).toBe('3 of 3 synced');
    expect(textOf(r.findByTestId(Alert, 'sync-finished'))).toBe('3 license(s) synced to HubSpot.');
    // Polling stops once the sync has finished.
    const count = fake.callsTo('GET', '/hubspot/cards/syncs/sync_1').length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.callsTo('GET', '/hubspot/cards/syncs/sync_1')).toHaveLength(count);
  });

  it('shows failures and the backend’s refusal', async () => {
    fakeBackend({
      [`POST ${base}/sync`]: {
        status: 404,
        body: {
          error: { code: 'not_connected', message: 'This contact is not connected to a licensync customer.' },
        },
      },
    });
    const r = createRenderer('crm.record.tab');
    r.render(<SyncLicenses record={contact} backend={backend()} pollMs={5} />);
    r.findByTestId(Button, 'sync-licenses').trigger('onClick');
    await r.waitFor(() =>
      expect(textOf(r.findByTestId(Alert, 'action-error'))).toBe(
        'This contact is not connected to a licensync customer.',
      ),
    );
  });

  it('reports licenses that failed to sync', async () => {
    fakeBackend({
      [`POST ${base}/sync`]: { status: 202, body: { syncId: 's2', queued: 2 } },
      'GET /hubspot/cards/syncs/s2': { body: { queued: 2, done: 1, failed: 1, pending: 0, finished: true } },
    });
    const r = createRenderer('crm.record.tab');
    r.render(<SyncLicenses record={contact} backend={backend()} pollMs={5} />);
    r.findByTestId(Button, 'sync-licenses').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'sync-finished').props.variant).toBe('warning'));
    expect(r.findByTestId(ProgressBar, 'sync-progress').props.valueDescription).toBe(
      '1 of 2 synced, 1 failed',
    );
  });
});

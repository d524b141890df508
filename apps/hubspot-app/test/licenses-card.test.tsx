import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListItem,
  EmptyState,
  ErrorState,
  Link,
  LoadingSpinner,
  Table,
  TableHeader,
  TableRow,
  Text,
  ToggleGroup,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordLicenses } from '../src/app/cards/components/record-licenses';
import { createBackend } from '../src/app/cards/lib/backend';
import { BASE_URL, fakeBackend } from './support/fake-backend';
import { company, connectedAnswer, contact, license, notConnectedAnswer } from './support/fixtures';
import { textOf } from './support/text';

afterEach(() => vi.restoreAllMocks());

const backend = (timeoutMs?: number) => createBackend({ baseUrl: BASE_URL, timeoutMs });
const SETTINGS = '/hubspot/cards/settings/fields';
const licensesPath = (r: { objectType: string; objectId: string }) =>
  `/hubspot/cards/records/${r.objectType}/${r.objectId}/licenses`;

describe('Licenses card, middle-column table', () => {
  it('shows the not-connected warning with its two ways out for an unconnected contact', async () => {
    const fake = fakeBackend({ [`GET ${licensesPath(contact)}`]: { body: notConnectedAnswer } });
    const r = createRenderer('crm.record.tab');
    r.render(<RecordLicenses record={contact} backend={backend()} layout="table" />);
    expect(r.find(LoadingSpinner).props.label).toBe('Loading licenses');

    await r.waitFor(() =>
      expect(r.findByTestId(Alert, 'not-connected').props.title).toBe(
        'Not connected to a licensync customer',
      ),
    );
    expect(r.findByTestId(Button, 'create-license').text).toBe('Create License');
    expect(r.findByTestId(Button, 'connect-customer').text).toBe('Connect customer');
    expect(r.maybeFind(Table)).toBeNull();
    // The card names the record itself: HubSpot does not send it with hubspot.fetch.
    expect(fake.calls[0]?.path).toBe('/hubspot/cards/records/contact/901/licenses');
    expect(fake.calls[0]?.timeout).toBeGreaterThan(0);
  });

  it('lists a connected company’s licenses with the chosen fields and says how many more there are', async () => {
    const licenses = [
      license(),
      license({ id: 'lic_2', key: 'DDDD-EEEE', enabled: false, disabledReason: 'refunded' }),
    ];
    fakeBackend({ [`GET ${licensesPath(company)}`]: { body: connectedAnswer(licenses, 7) } });
    const r = createRenderer('crm.record.tab');
    r.render(<RecordLicenses record={company} backend={backend()} layout="table" />);

    await r.waitFor(() => expect(r.find(Table)).toBeTruthy());
    expect(r.findAll(TableRow)).toHaveLength(3); // header + 2 licenses
    expect(r.findAll(TableHeader).map((h) => h.text)).toEqual([
      'License key',
      'Product',
      'Policy',
      'Type',
      'Status',
      'Valid until',
      'Max activations',
      'Actions',
    ]);
    const second = r.findByTestId(TableRow, 'row-lic_2');
    expect(textOf(second)).toContain('DDDD-EEEE');
    expect(textOf(second)).toContain('Disabled: refunded');
    expect(textOf(r.findByTestId(TableRow, 'row-lic_1'))).toContain('2099-12-31');
    expect(r.findByTestId(Text, 'more').text).toBe('Showing 2 of 7 licenses.');
    expect(r.maybeFindByTestId(Alert, 'not-connected')).toBeNull();
    expect(r.findByTestId(Button, 'connection').text).toBe('Connection');
  });

  it('shows an empty state when the connected customer has no licenses', async () => {
    fakeBackend({ [`GET ${licensesPath(contact)}`]: { body: connectedAnswer([]) } });
    const r = createRenderer('crm.record.tab');
    r.render(<RecordLicenses record={contact} backend={backend()} layout="table" />);
    await r.waitFor(() => expect(r.findByTestId(EmptyState, 'empty').props.title).toBe('No licenses yet'));
    expect(r.maybeFind(Table)).toBeNull();
  });

  it('shows the backend’s error and loads again on Try again', async () => {
    let failing = true;
    fakeBackend({
      [`GET ${licensesPath(contact)}`]: () =>
        failing
          ? {
              status: 404,
              body: { error: { code: 'not_found', message: 'This portal is not connected to licensync.' } },
            }
          : { body: connectedAnswer([license()]) },
    });
    const r = createRenderer('crm.record.tab');
    r.render(<RecordLicenses record={contact} backend={backend()} layout="table" />);
    await r.waitFor(() =>
      expect(textOf(r.find(ErrorState))).toContain('This portal is not connected to licensync.'),
    );
    failing = false;
    r.findByTestId(Button, 'retry').trigger('onClick');
    await r.waitFor(() => expect(r.findAll(TableRow)).toHaveLength(2));
  });

  it('never hangs on a slow backend: the timeout turns into an error with a retry', async () => {
    fakeBackend({ [`GET ${licensesPath(contact)}`]: 'hang' });
    const r = createRenderer('crm.record.tab');
    r.render(<RecordLicenses record={contact} backend={backend(60)} layout="table" />);
    await r.waitFor(() => expect(textOf(r.find(ErrorState))).toContain('did not answer within'), {
      timeoutInMs: 2000,
    });
    expect(r.findByTestId(Button, 'retry')).toBeTruthy();
  });

  it('says so when licensync cannot be reached at all', async () => {
    fakeBackend({ [`GET ${licensesPath(contact)}`]: 'network-error' });
    const r = createRenderer('crm.record.tab');
    r.render(<RecordLicenses record={contact} backend={backend()} layout="table" />);
    await r.waitFor(() => expect(textOf(r.find(ErrorState))).toContain('Could not reach licensync'));
  });

  it('opens a license’s details with the link out to licensync', async () => {
    fakeBackend({
      [`GET ${licensesPath(contact)}`]: { body: connectedAnswer([license()]) },
      'GET /hubspot/cards/licenses/lic_1': {
        body: {
          license: {
            ...license(),
            features: [{ id: 'f1', name: 'Export' }],
            customFields: [{ id: 'cf1', name: 'Seat', value: 'A1' }],
          },
          editableFields: [],
          link: 'https://licensync.test/admin/licenses/lic_1',
        },
      },
    });
    const r = createRenderer('crm.record.tab');
    r.render(<RecordLicenses record={contact} backend={backend()} layout="table" />);
    await r.waitFor(() => expect(r.findByTestId(Button, 'open-lic_1')).toBeTruthy());
    r.findByTestId(Button, 'open-lic_1').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(Link, 'license-link').props.href).toEqual({
        url: 'https://licensync.test/admin/licenses/lic_1',
        external: true,
      }),
    );
    const details = textOf(r.findByTestId(DescriptionList, 'license-details')) ?? '';
    expect(details).toContain('AAAA-BBBB-CCCC');
    expect(details).toContain('Export');
    expect(details).toContain('A1');
    r.findByTestId(Button, 'back').trigger('onClick');
    await r.waitFor(() => expect(r.find(Table)).toBeTruthy());
  });
});

describe('Licenses card, more licenses than a page', () => {
  it('Show more fetches the next page after the last license shown', async () => {
    const fake = fakeBackend({
      [`GET ${licensesPath(contact)}`]: (call) =>
        call.query.get('startingAfter') === 'lic_2'
          ? { body: { ...connectedAnswer([license({ id: 'lic_3', key: 'K3' })], 3), hasMore: false } }
          : {
              body: {
                ...connectedAnswer([license(), license({ id: 'lic_2', key: 'K2' })], 3),
                hasMore: true,
              },
            },
    });
    const r = createRenderer('crm.record.tab');
    r.render(<RecordLicenses record={contact} backend={backend()} layout="table" />);
    await r.waitFor(() => expect(r.findByTestId(Text, 'more').text).toBe('Showing 2 of 3 licenses.'));
    r.findByTestId(Button, 'show-more').trigger('onClick');
    await r.waitFor(() => expect(r.findAll(TableRow)).toHaveLength(4));
    expect(r.maybeFindByTestId(Button, 'show-more')).toBeNull();
    expect(r.maybeFindByTestId(Text, 'more')).toBeNull();
    expect(fake.calls.filter((c) => c.path !== SETTINGS).map((c) => c.query.get('startingAfter'))).toEqual([
      null,
      'lic_2',
    ]);
  });
});

describe('Licenses card, sidebar', () => {
  it('lists a few licenses compactly', async () => {
    const fake = fakeBackend({ [`GET ${licensesPath(contact)}`]: { body: connectedAnswer([license()]) } });
    const r = createRenderer('crm.record.sidebar');
    r.render(<RecordLicenses record={contact} backend={backend()} layout="sidebar" />);
    await r.waitFor(() => expect(r.findByTestId(DescriptionList, 'item-lic_1')).toBeTruthy());
    expect(textOf(r.findByTestId(DescriptionList, 'item-lic_1'))).toContain('Active');
    expect(fake.calls[0]?.query.get('limit')).toBe('5');
  });

  it('the settings control changes which fields show', async () => {
    const fake = fakeBackend({ [`GET ${licensesPath(contact)}`]: { body: connectedAnswer([license()]) } });
    const r = createRenderer('crm.record.sidebar');
    r.render(<RecordLicenses record={contact} backend={backend()} layout="sidebar" />);
    await r.waitFor(() => expect(r.findByTestId(Button, 'field-settings')).toBeTruthy());
    r.findByTestId(Button, 'field-settings').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(ToggleGroup, 'field-choice')).toBeTruthy());
    // Nothing chosen cannot be saved.
    r.findByTestId(ToggleGroup, 'field-choice').trigger('onChange', [] as never);
    await r.waitFor(() => expect(r.findByTestId(Button, 'save-fields').props.disabled).toBe(true));
    r.findByTestId(ToggleGroup, 'field-choice').trigger('onChange', ['maxActivations', 'key'] as never);
    await r.waitFor(() => expect(r.findByTestId(Button, 'save-fields').props.disabled).toBe(false));
    r.findByTestId(Button, 'save-fields').trigger('onClick');
    const labels = () =>
      r
        .findByTestId(DescriptionList, 'item-lic_1')
        .findAll(DescriptionListItem)
        .map((i) => i.props.label);
    await r.waitFor(() => expect(labels()).toEqual(['License key', 'Max activations', '']));
    // No second read of the licenses is needed to show other fields; the choice is saved for the user.
    expect(fake.callsTo('GET', licensesPath(contact))).toHaveLength(1);
    await r.waitFor(() => expect(fake.callsTo('PUT', SETTINGS)).toHaveLength(1));
    expect(fake.callsTo('PUT', SETTINGS)[0]?.body).toEqual({
      layout: 'sidebar',
      fields: ['key', 'maxActivations'],
    });
  });

  it("opens with the user's saved field choice for its layout", async () => {
    fakeBackend({
      [`GET ${licensesPath(contact)}`]: { body: connectedAnswer([license()]) },
      [`GET ${SETTINGS}`]: { body: { fields: { sidebar: ['status', 'licenseType'], table: ['key'] } } },
    });
    const r = createRenderer('crm.record.sidebar');
    r.render(<RecordLicenses record={contact} backend={backend()} layout="sidebar" />);
    const labels = () =>
      r
        .findByTestId(DescriptionList, 'item-lic_1')
        .findAll(DescriptionListItem)
        .map((i) => i.props.label);
    // Kept in the catalogue's order, whatever order was saved.
    await r.waitFor(() => expect(labels()).toEqual(['Type', 'Status', '']));
  });

  it('keeps the new choice on screen and says so when it cannot be saved', async () => {
    fakeBackend({
      [`GET ${licensesPath(contact)}`]: { body: connectedAnswer([license()]) },
      [`PUT ${SETTINGS}`]: { status: 503, body: { error: { code: 'unavailable', message: 'down' } } },
    });
    const r = createRenderer('crm.record.sidebar');
    r.render(<RecordLicenses record={contact} backend={backend()} layout="sidebar" />);
    await r.waitFor(() => expect(r.findByTestId(Button, 'field-settings')).toBeTruthy());
    r.findByTestId(Button, 'field-settings').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(ToggleGroup, 'field-choice')).toBeTruthy());
    r.findByTestId(ToggleGroup, 'field-choice').trigger('onChange', ['key'] as never);
    await r.waitFor(() => expect(r.findByTestId(Button, 'save-fields').props.disabled).toBe(false));
    r.findByTestId(Button, 'save-fields').trigger('onClick');
    await r.waitFor(() => expect(textOf(r.getRootNode())).toContain('Your field choice could not be saved'));
    expect(
      r
        .findByTestId(DescriptionList, 'item-lic_1')
        .findAll(DescriptionListItem)
        .map((i) => i.props.label),
    ).toEqual(['License key', '']);
  });

  it('shows the not-connected warning on an unconnected company', async () => {
    fakeBackend({ [`GET ${licensesPath(company)}`]: { body: notConnectedAnswer } });
    const r = createRenderer('crm.record.sidebar');
    r.render(<RecordLicenses record={company} backend={backend()} layout="sidebar" />);
    await r.waitFor(() => expect(r.findByTestId(Alert, 'not-connected')).toBeTruthy());
  });
});

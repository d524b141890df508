import { Alert, Button, Input, MultiSelect, NumberInput, Select, TableRow } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreateLicense } from '../src/app/cards/components/create-license';
import { RecordLicenses } from '../src/app/cards/components/record-licenses';
import { createBackend } from '../src/app/cards/lib/backend';
import { mockRecord } from './support/crm-mocks';
import { BASE_URL, fakeBackend } from './support/fake-backend';
import { company, connectedAnswer, contact, license, notConnectedAnswer, products } from './support/fixtures';
import { textOf } from './support/text';

afterEach(() => vi.restoreAllMocks());

const backend = () => createBackend({ baseUrl: BASE_URL });

/** The renderer's mocks stand in for HubSpot's own data hooks: the record and its first association. */
function renderCreate(own: Record<string, string | null>, associated?: Record<string, string | null>) {
  const r = createRenderer('crm.record.tab');
  mockRecord(r, own, associated);
  return r;
}

async function choosePolicy(r: ReturnType<typeof createRenderer>, productId: string, policyId: string) {
  await r.waitFor(() => expect(r.findByTestId(Select, 'product')).toBeTruthy());
  r.findByTestId(Select, 'product').trigger('onChange', productId as never);
  await r.waitFor(() => expect(r.findByTestId(Select, 'policy')).toBeTruthy());
  r.findByTestId(Select, 'policy').trigger('onChange', policyId as never);
}

describe('Create License', () => {
  it('product → policy → the time-limited fields → quantity, then the new licenses are listed', async () => {
    const created = [license({ id: 'n1', key: 'NEW-1' }), license({ id: 'n2', key: 'NEW-2' })];
    let afterOrder = false;
    const fake = fakeBackend({
      'GET /hubspot/cards/products': { body: { products } },
      'POST /hubspot/cards/orders': () => {
        afterOrder = true;
        return { status: 201, body: { order: { id: 'ord_1' }, licenses: created, connected: true } };
      },
      'GET /hubspot/cards/records/contact/901/licenses': () => ({
        body: afterOrder ? connectedAnswer(created) : notConnectedAnswer,
      }),
    });
    const r = renderCreate(
      { email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace', company: 'Analytical' },
      {
        name: 'Analytical Engines',
        domain: 'analytical.example',
      },
    );
    const addAlert = vi.fn();
    r.render(<RecordLicenses record={contact} backend={backend()} layout="table" notify={addAlert} />);
    await r.waitFor(() => expect(r.findByTestId(Button, 'create-license')).toBeTruthy());
    r.findByTestId(Button, 'create-license').trigger('onClick');

    await r.waitFor(() => expect(r.findByTestId(Select, 'product').props.options).toHaveLength(2));
    // No policy chosen: nothing can be ordered yet.
    expect(r.findByTestId(Button, 'create-order').props.disabled).toBe(true);
    await choosePolicy(r, 'prod_1', 'pol_time');
    // The time-limited policy's own fields, with its defaults, then the quantity.
    await r.waitFor(() => expect(r.findByTestId(Input, 'field-validDuration').props.value).toBe('1y'));
    expect(r.findByTestId(NumberInput, 'field-maxActivations').props.value).toBe(1);
    expect(r.findByTestId(MultiSelect, 'field-features').props.options.map((o) => o.value)).toEqual([
      'export',
      'sso',
    ]);
    expect(r.findByTestId(Input, 'field-customFields-seat')).toBeTruthy();
    r.findByTestId(NumberInput, 'field-maxActivations').trigger('onChange', 2 as never);
    r.findByTestId(MultiSelect, 'field-features').trigger('onChange', ['sso'] as never);
    r.findByTestId(NumberInput, 'quantity').trigger('onChange', 2 as never);
    await r.waitFor(() => expect(r.findByTestId(NumberInput, 'quantity').props.value).toBe(2));
    r.findByTestId(Button, 'create-order').trigger('onClick');

    await r.waitFor(() => expect(r.findAll(TableRow)).toHaveLength(3));
    expect(fake.callsTo('POST', '/hubspot/cards/orders')[0]?.body).toEqual({
      objectType: 'contact',
      objectId: '901',
      productId: 'prod_1',
      policyId: 'pol_time',
      quantity: 2,
      overrides: { validDuration: '1y', maxActivations: 2, features: ['sso'] },
      requestId: expect.any(String),
      record: {
        email: 'ada@example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        company: { name: 'Analytical Engines', domain: 'analytical.example' },
      },
    });
    expect(r.findByTestId(Alert, 'notice').text).toBe('2 license(s) created.');
    expect(addAlert).toHaveBeenCalledWith({ type: 'success', message: '2 license(s) created.' });
  });

  it('shows the backend’s refusal ("Company name can\'t be empty") and keeps the form', async () => {
    const fake = fakeBackend({
      'GET /hubspot/cards/products': { body: { products } },
      'POST /hubspot/cards/orders': {
        status: 422,
        body: { error: { code: 'unprocessable', message: "Company name can't be empty" } },
      },
    });
    const r = renderCreate(
      { email: 'ada@example.com', firstname: 'Ada', lastname: null, company: null },
      { name: '', domain: null },
    );
    const onCreated = vi.fn();
    r.render(
      <CreateLicense record={contact} backend={backend()} onCreated={onCreated} onCancel={() => {}} />,
    );
    await choosePolicy(r, 'prod_1', 'pol_perpetual');
    await r.waitFor(() => expect(r.findByTestId(Button, 'create-order').props.disabled).toBe(false));
    r.findByTestId(Button, 'create-order').trigger('onClick');

    await r.waitFor(() =>
      expect(textOf(r.findByTestId(Alert, 'action-error'))).toBe("Company name can't be empty"),
    );
    expect(r.findByTestId(Alert, 'action-error').props.title).toBe('The order was not created');
    expect(r.findByTestId(Select, 'policy').props.value).toBe('pol_perpetual');
    expect(onCreated).not.toHaveBeenCalled();
    // The associated company with a blank name went as it is: the backend decides, the card shows it.
    expect(fake.callsTo('POST', '/hubspot/cards/orders')[0]?.body?.record).toMatchObject({
      company: { name: '' },
    });
  });

  it('a retried submit of the same order carries the same request id, a changed order a new one', async () => {
    let attempts = 0;
    const fake = fakeBackend({
      'GET /hubspot/cards/products': { body: { products } },
      'POST /hubspot/cards/orders': () => {
        attempts += 1;
        if (attempts === 1) return 'hang';
        if (attempts === 2)
          return { status: 409, body: { error: { code: 'conflict', message: 'Try again.' } } };
        return { status: 201, body: { order: { id: 'o' }, licenses: [license()] } };
      },
    });
    const r = renderCreate({ email: 'ada@example.com' });
    const onCreated = vi.fn();
    r.render(
      <CreateLicense
        record={contact}
        backend={createBackend({ baseUrl: BASE_URL, timeoutMs: 50 })}
        onCreated={onCreated}
        onCancel={() => {}}
      />,
    );
    await choosePolicy(r, 'prod_1', 'pol_perpetual');
    await r.waitFor(() => expect(r.findByTestId(Button, 'create-order').props.disabled).toBe(false));
    r.findByTestId(Button, 'create-order').trigger('onClick');
    await r.waitFor(() =>
      expect(textOf(r.findByTestId(Alert, 'action-error'))).toContain('did not answer within'),
    );
    r.findByTestId(Button, 'create-order').trigger('onClick');
    await r.waitFor(() => expect(textOf(r.findByTestId(Alert, 'action-error'))).toBe('Try again.'));
    r.findByTestId(NumberInput, 'quantity').trigger('onChange', 3 as never);
    await r.waitFor(() => expect(r.findByTestId(NumberInput, 'quantity').props.value).toBe(3));
    r.findByTestId(Button, 'create-order').trigger('onClick');
    await r.waitFor(() => expect(onCreated).toHaveBeenCalled());

    const ids = fake.callsTo('POST', '/hubspot/cards/orders').map((c) => c.body?.requestId);
    expect(ids).toHaveLength(3);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('a company’s order carries its name, domain and first contact', async () => {
    const fake = fakeBackend({
      'GET /hubspot/cards/products': { body: { products } },
      'POST /hubspot/cards/orders': { status: 201, body: { order: { id: 'o' }, licenses: [license()] } },
    });
    const r = renderCreate(
      { name: 'Analytical Engines', domain: 'analytical.example' },
      {
        email: 'ada@example.com',
        firstname: 'Ada',
        lastname: 'Lovelace',
      },
    );
    const onCreated = vi.fn();
    r.render(
      <CreateLicense record={company} backend={backend()} onCreated={onCreated} onCancel={() => {}} />,
    );
    await choosePolicy(r, 'prod_1', 'pol_perpetual');
    await r.waitFor(() => expect(r.findByTestId(Button, 'create-order').props.disabled).toBe(false));
    r.findByTestId(Button, 'create-order').trigger('onClick');
    await r.waitFor(() => expect(onCreated).toHaveBeenCalledWith([license()]));
    expect(fake.callsTo('POST', '/hubspot/cards/orders')[0]?.body).toMatchObject({
      objectType: 'company',
      objectId: '702',
      record: {
        name: 'Analytical Engines',
        domain: 'analytical.example',
        contact: { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
      },
    });
  });

  it('asks for the policies when a product comes without them, and says when a required field is empty', async () => {
    const fake = fakeBackend({
      'GET /hubspot/cards/products': { body: { products } },
      'GET /hubspot/cards/products/prod_2/policies': {
        body: {
          policies: [
            {
              id: 'p9',
              name: 'Trial',
              licenseType: 'time-limited',
              fields: [
                {
                  name: 'validDuration',
                  label: 'Valid duration',
                  type: 'duration',
                  required: true,
                  default: null,
                },
              ],
            },
          ],
        },
      },
    });
    const r = renderCreate({ email: 'ada@example.com' });
    r.render(<CreateLicense record={contact} backend={backend()} onCreated={() => {}} onCancel={() => {}} />);
    await choosePolicy(r, 'prod_2', 'p9');
    await r.waitFor(() => expect(r.findByTestId(Input, 'field-validDuration')).toBeTruthy());
    r.findByTestId(Button, 'create-order').trigger('onClick');
    await r.waitFor(() =>
      expect(textOf(r.findByTestId(Alert, 'action-error'))).toBe('Valid duration is required.'),
    );
    expect(fake.callsTo('POST', '/hubspot/cards/orders')).toHaveLength(0);
  });

  it('shows why the products could not be loaded, and an empty state when there are none', async () => {
    fakeBackend({ 'GET /hubspot/cards/products': { status: 503, body: null } });
    const r = renderCreate({ email: 'a@b.c' });
    r.render(<CreateLicense record={contact} backend={backend()} onCreated={() => {}} onCancel={() => {}} />);
    await r.waitFor(() => expect(textOf(r.getRootNode())).toContain('licensync failed (503)'));

    vi.restoreAllMocks();
    fakeBackend({ 'GET /hubspot/cards/products': { body: { products: [] } } });
    const empty = renderCreate({ email: 'a@b.c' });
    empty.render(
      <CreateLicense record={contact} backend={backend()} onCreated={() => {}} onCancel={() => {}} />,
    );
    await empty.waitFor(() =>
      expect(textOf(empty.getRootNode())).toContain('Create a product and a license policy'),
    );
  });
});

import {
  Alert,
  Button,
  Checkbox,
  DateInput,
  Input,
  List,
  MultiSelect,
  NumberInput,
  Table,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordLicenses } from '../src/app/cards/components/record-licenses';
import { UpdateLicense } from '../src/app/cards/components/update-license';
import { createBackend } from '../src/app/cards/lib/backend';
import { BASE_URL, type FakeCall, fakeBackend } from './support/fake-backend';
import { connectedAnswer, contact, license } from './support/fixtures';
import { textOf } from './support/text';

afterEach(() => vi.restoreAllMocks());

const backend = () => createBackend({ baseUrl: BASE_URL });
const detail = (features = [{ code: 'export', name: 'Export' }], seat = 'A1') => ({
  license: {
    ...license(),
    features,
    availableFeatures: [
      { code: 'export', name: 'Export' },
      { code: 'sso', name: 'Single sign-on' },
    ],
    customFields: [{ name: 'seat', value: seat, defaultValue: 'A' }],
  },
  editableFields: ['validUntil', 'maxActivations', 'isTrial'],
  link: 'https://licensync.test/admin/licenses/lic_1',
});

describe('Update License', () => {
  it('offers only the fields the type allows, lists the changes before saving, and sends only those', async () => {
    const fake = fakeBackend({
      'GET /hubspot/cards/records/contact/901/licenses': { body: connectedAnswer([license()]) },
      'GET /hubspot/cards/licenses/lic_1': { body: detail() },
      'PATCH /hubspot/cards/licenses/lic_1': (call: FakeCall) => ({
        body: {
          license: { ...license(), ...call.body },
          changedFields: [
            { field: 'maxActivations', from: 3, to: 5 },
            { field: 'validUntil', from: '2099-12-31T00:00:00.000Z', to: '2100-01-31T00:00:00.000Z' },
          ],
        },
      }),
    });
    const r = createRenderer('crm.record.tab');
    r.render(<RecordLicenses record={contact} backend={backend()} layout="table" />);
    await r.waitFor(() => expect(r.findByTestId(Button, 'update-lic_1')).toBeTruthy());
    r.findByTestId(Button, 'update-lic_1').trigger('onClick');

    await r.waitFor(() => expect(r.findByTestId(NumberInput, 'field-maxActivations').props.value).toBe(3));
    expect(r.findByTestId(DateInput, 'field-validUntil').props.value).toEqual({
      year: 2099,
      month: 11,
      date: 31,
    });
    expect(r.findByTestId(Checkbox, 'field-isTrial').props.checked).toBe(false);
    expect(r.maybeFindByTestId(DateInput, 'field-maintenanceUntil')).toBeNull();
    // Nothing changed yet: nothing to save.
    expect(r.findByTestId(Button, 'update-fields').props.disabled).toBe(true);
    expect(r.maybeFindByTestId(List, 'changed-fields')).toBeNull();

    r.findByTestId(NumberInput, 'field-maxActivations').trigger('onChange', 5 as never);
    r.findByTestId(DateInput, 'field-validUntil').trigger('onChange', {
      year: 2100,
      month: 0,
      date: 31,
    } as never);
    await r.waitFor(() =>
      expect(textOf(r.findByTestId(List, 'changed-fields'))).toBe(
        'Valid until: 2099-12-31 → 2100-01-31 Max activations: 3 → 5',
      ),
    );
    // Setting a field back to what it was removes it from the changes.
    r.findByTestId(Checkbox, 'field-isTrial').trigger('onChange', true as never);
    r.findByTestId(Checkbox, 'field-isTrial').trigger('onChange', false as never);
    r.findByTestId(Button, 'update-fields').trigger('onClick');

    await r.waitFor(() => expect(textOf(r.findByTestId(Alert, 'notice'))).toContain('Max activations 3 → 5'));
    expect(fake.callsTo('PATCH', '/hubspot/cards/licenses/lic_1')[0]?.body).toEqual({
      validUntil: '2100-01-31T00:00:00.000Z',
      maxActivations: 5,
    });
  });

  it('shows the backend’s refusal and keeps the edit', async () => {
    fakeBackend({
      'GET /hubspot/cards/licenses/lic_1': { body: detail() },
      'PATCH /hubspot/cards/licenses/lic_1': {
        status: 422,
        body: {
          error: {
            code: 'unprocessable',
            message: 'maxActivations must be at least the current activations (4)',
          },
        },
      },
    });
    const onDone = vi.fn();
    const r = createRenderer('crm.record.tab');
    r.render(<UpdateLicense licenseId="lic_1" backend={backend()} onDone={onDone} onCancel={() => {}} />);
    await r.waitFor(() => expect(r.findByTestId(NumberInput, 'field-maxActivations')).toBeTruthy());
    r.findByTestId(NumberInput, 'field-maxActivations').trigger('onChange', 1 as never);
    await r.waitFor(() => expect(r.findByTestId(Button, 'update-fields').props.disabled).toBe(false));
    r.findByTestId(Button, 'update-fields').trigger('onClick');
    await r.waitFor(() =>
      expect(textOf(r.findByTestId(Alert, 'action-error'))).toBe(
        'maxActivations must be at least the current activations (4)',
      ),
    );
    expect(r.findByTestId(NumberInput, 'field-maxActivations').props.value).toBe(1);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('adds and removes product features', async () => {
    let features = [{ code: 'export', name: 'Export' }];
    const fake = fakeBackend({
      'GET /hubspot/cards/licenses/lic_1': () => ({ body: detail(features) }),
      'DELETE /hubspot/cards/licenses/lic_1/features/export': () => {
        features = [];
        return { body: { changedFields: [{ field: 'features', from: ['export'], to: [] }] } };
      },
      'POST /hubspot/cards/licenses/lic_1/features': (call: FakeCall) => {
        features = [{ code: String(call.body?.code), name: 'Single sign-on' }];
        return { status: 201, body: { changedFields: [] } };
      },
    });
    const r = createRenderer('crm.record.tab');
    r.render(<UpdateLicense licenseId="lic_1" backend={backend()} onDone={() => {}} onCancel={() => {}} />);
    await r.waitFor(() => expect(r.findByTestId(Table, 'features')).toBeTruthy());
    // Only the product's features the license does not have yet can be added.
    expect(r.findByTestId(MultiSelect, 'add-features').props.options.map((o) => o.value)).toEqual(['sso']);

    r.findByTestId(Button, 'remove-feature-export').trigger('onClick');
    await r.waitFor(() => expect(textOf(r.getRootNode())).toContain('No features on this license.'));
    r.findByTestId(MultiSelect, 'add-features').trigger('onChange', ['sso'] as never);
    await r.waitFor(() => expect(r.findByTestId(Button, 'add-features-button').props.disabled).toBe(false));
    r.findByTestId(Button, 'add-features-button').trigger('onClick');
    await r.waitFor(() => expect(textOf(r.findByTestId(Table, 'features'))).toContain('Single sign-on'));
    expect(fake.callsTo('POST', '/hubspot/cards/licenses/lic_1/features')[0]?.body).toEqual({ code: 'sso' });
  });

  it('edits a custom field', async () => {
    let seat = 'A1';
    const fake = fakeBackend({
      'GET /hubspot/cards/licenses/lic_1': () => ({ body: detail(undefined, seat) }),
      'PUT /hubspot/cards/licenses/lic_1/custom-fields/seat': (call: FakeCall) => {
        seat = String(call.body?.value);
        return { body: { changedFields: [{ field: 'customFields.seat', from: 'A1', to: seat }] } };
      },
    });
    const r = createRenderer('crm.record.tab');
    r.render(<UpdateLicense licenseId="lic_1" backend={backend()} onDone={() => {}} onCancel={() => {}} />);
    await r.waitFor(() => expect(textOf(r.findByTestId(Table, 'custom-fields'))).toContain('A1'));
    r.findByTestId(Button, 'edit-custom-field-seat').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Input, 'custom-field-value').props.value).toBe('A1'));
    r.findByTestId(Input, 'custom-field-value').trigger('onChange', 'B2' as never);
    await r.waitFor(() => expect(r.findByTestId(Input, 'custom-field-value').props.value).toBe('B2'));
    r.findByTestId(Button, 'save-custom-field').trigger('onClick');
    await r.waitFor(() => expect(textOf(r.findByTestId(Table, 'custom-fields'))).toContain('B2'));
    expect(fake.callsTo('PUT', '/hubspot/cards/licenses/lic_1/custom-fields/seat')[0]?.body).toEqual({
      value: 'B2',
    });
  });

  it('says why the license could not be loaded', async () => {
    fakeBackend({
      'GET /hubspot/cards/licenses/lic_1': {
        status: 404,
        body: { error: { code: 'not_found', message: 'No such license.' } },
      },
    });
    const r = createRenderer('crm.record.tab');
    r.render(<UpdateLicense licenseId="lic_1" backend={backend()} onDone={() => {}} onCancel={() => {}} />);
    await r.waitFor(() => expect(textOf(r.getRootNode())).toContain('No such license.'));
  });
});

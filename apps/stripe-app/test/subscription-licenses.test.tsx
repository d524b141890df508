import * as schema from '@licensync/core/schema';
import { render } from '@stripe/ui-extension-sdk/testing';
import {
  Badge,
  Banner,
  FocusView,
  Link,
  MenuItem,
  PropertyListItem,
  Spinner,
} from '@stripe/ui-extension-sdk/ui';
import { fetchStripeSignature } from '@stripe/ui-extension-sdk/utils';
import { eq } from 'drizzle-orm';
import SubscriptionLicenses from '../src/views/SubscriptionLicenses';
import { pressInProp } from './support/fragment-nodes';
import { type Backend, contextFor, settle, signAsDashboard, startBackend } from './support/start-backend';

vi.mock('@stripe/ui-extension-sdk/utils', async (original) => ({
  ...(await original<object>()),
  fetchStripeSignature: vi.fn(),
}));

let backend: Backend;
let first: string;
let second: string;

beforeAll(async () => {
  backend = await startBackend();
  first = await backend.addLicense({
    sourceKey: 'sub:0',
    licenseKey: 'SUB-KEY-1',
    stripeSubscriptionId: 'sub_views',
  });
  second = await backend.addLicense({
    sourceKey: 'sub:1',
    licenseKey: 'SUB-KEY-2',
    stripeSubscriptionId: 'sub_views',
    maxActivations: 3,
  });
  await backend.api.db
    .insert(schema.licenseFeatures)
    .values({ workspaceId: backend.api.workspaceId, licenseId: first, code: 'export', maxConsumption: null });
  await backend.api.db
    .insert(schema.licenseCustomFields)
    .values({ workspaceId: backend.api.workspaceId, licenseId: first, name: 'seat_region', value: 'eu' });
});
afterAll(() => backend.close());
beforeEach(() => {
  vi.mocked(fetchStripeSignature).mockImplementation(async () => signAsDashboard());
  vi.unstubAllGlobals();
});

const renderView = () =>
  render(
    <SubscriptionLicenses {...contextFor(backend.api.url, { id: 'sub_views', object: 'subscription' })} />,
  );
const badges = (wrapper: ReturnType<typeof renderView>['wrapper']) =>
  wrapper.findAll(Badge).map((b) => b.text);
const row = async (id: string) =>
  (await backend.api.db.select().from(schema.licenses).where(eq(schema.licenses.id, id)))[0]!;

describe('the subscription view', () => {
  it('shows a spinner, then each license with key, product, type, status, validity and activations', async () => {
    const { wrapper, update } = renderView();
    expect(wrapper.find(Spinner)).not.toBeNull();
    expect(wrapper).toContainText('Loading licenses');
    await settle(update, () => wrapper.findAll(Badge).length === 2);
    expect(wrapper.find(Spinner)).toBeNull();
    expect(wrapper).toContainText('SUB-KEY-1');
    expect(wrapper).toContainText('SUB-KEY-2');
    expect(wrapper).toContainText('pro · Perpetual · No end date · 3 activations');
    expect(badges(wrapper)).toEqual(['Active', 'Active']);
  });

  it('disable and enable round-trip through licensync, as the dashboard user', async () => {
    const { wrapper, update } = renderView();
    await settle(update, () => wrapper.findAll(Badge).length === 2);
    wrapper.find(MenuItem, { id: `disable:${second}` })!.trigger('onAction', 'disable');
    await settle(update, () => badges(wrapper).includes('Disabled'));
    expect(wrapper).toContainText('Disabled by an operator');
    expect(await row(second)).toMatchObject({ enabled: false, disabledReason: 'operator' });
    expect(wrapper.find(MenuItem, { id: `disable:${second}` })!.prop('disabled')).toBe(true);

    wrapper.find(MenuItem, { id: `enable:${second}` })!.trigger('onAction', 'enable');
    await settle(update, () => !badges(wrapper).includes('Disabled'));
    expect(await row(second)).toMatchObject({ enabled: true, disabledReason: null });
    const history = await backend.api.db
      .select()
      .from(schema.activityLog)
      .where(eq(schema.activityLog.actor, 'stripe-user:usr_support_1'));
    expect(history.map((h) => h.kind)).toEqual(['license.disabled', 'license.enabled']);
  });

  it('License info opens a side panel with every field, features, custom fields and the console link', async () => {
    const { wrapper, update } = renderView();
    await settle(update, () => wrapper.findAll(Badge).length === 2);
    expect(wrapper.find(FocusView)!.prop('shown')).toBe(false);
    wrapper.find(MenuItem, { id: `info:${first}` })!.trigger('onAction', 'info');
    await update();
    const panel = wrapper.find(FocusView)!;
    expect(panel.prop('shown')).toBe(true);
    const labels = panel.findAll(PropertyListItem).map((p) => p.prop('label'));
    expect(labels).toEqual(
      expect.arrayContaining([
        'License key',
        'Status',
        'Product',
        'Policy',
        'Type',
        'Valid until',
        'Max activations',
      ]),
    );
    expect(labels).toEqual(
      expect.arrayContaining(['Subscription', 'Payment', 'Invoice', 'Checkout', 'export', 'seat_region']),
    );
    expect(panel.find(PropertyListItem, { label: 'seat_region' })!.prop('value')).toBe('eu');
    expect(panel.find(Link)!.prop('href')).toBe(
      `http://localhost:3000/console/licenses/${first}?workspace=default`,
    );
    panel.trigger('setShown', false);
    await update();
    expect(wrapper.find(FocusView)!.prop('shown')).toBe(false);
  });

  it('a backend error shows what went wrong, and Try again recovers', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ error: 'internal error' }), { status: 500 })),
    );
    const { wrapper, update } = renderView();
    await settle(update, () => wrapper.find(Banner) !== null);
    expect(wrapper.find(Banner)!.prop('title')).toBe('Could not load the licenses');
    expect(wrapper.find(Banner)!.prop('description')).toBe('internal error');
    vi.unstubAllGlobals();
    pressInProp(wrapper, wrapper.find(Banner)!.prop('actions'), 'Button', 'Try again');
    await settle(update, () => wrapper.findAll(Badge).length === 2);
    expect(wrapper.find(Banner)).toBeNull();
  });

  it('a failed disable keeps the license as it was and says why', async () => {
    vi.mocked(fetchStripeSignature).mockImplementation(async () => signAsDashboard());
    const { wrapper, update } = renderView();
    await settle(update, () => wrapper.findAll(Badge).length === 2);
    vi.mocked(fetchStripeSignature).mockImplementation(async () =>
      signAsDashboard({ secret: 'absec_wrong' }),
    );
    wrapper.find(MenuItem, { id: `disable:${first}` })!.trigger('onAction', 'disable');
    await settle(update, () => wrapper.find(Banner) !== null);
    expect(wrapper.find(Banner)!.prop('description')).toMatch(/^Could not disable SUB-KEY-1: bad signature/);
    expect(badges(wrapper)).toEqual(['Active', 'Active']);
    expect(await row(first)).toMatchObject({ enabled: true });
  });
});

import { render } from '@stripe/ui-extension-sdk/testing';
import { Badge, Banner, MenuItem } from '@stripe/ui-extension-sdk/ui';
import { fetchStripeSignature } from '@stripe/ui-extension-sdk/utils';
import PaymentLicenses from '../src/views/PaymentLicenses';
import { type Backend, contextFor, settle, signAsDashboard, startBackend } from './support/start-backend';

vi.mock('@stripe/ui-extension-sdk/utils', async (original) => ({
  ...(await original<object>()),
  fetchStripeSignature: vi.fn(async () => signAsDashboard()),
}));

let backend: Backend;
let refunded: string;

beforeAll(async () => {
  backend = await startBackend();
  refunded = await backend.addLicense({
    sourceKey: 'pi:0',
    licenseKey: 'PAID-KEY',
    stripePaymentIntentId: 'pi_refunded',
    stripeCheckoutSessionId: 'cs_test_paid',
    enabled: false,
    disabledReason: 'refunded',
  });
});
afterAll(() => backend.close());
beforeEach(() => {
  vi.mocked(fetchStripeSignature).mockImplementation(async () => signAsDashboard());
  vi.unstubAllGlobals();
});

const renderPayment = (object: { id: string; object: string }, url = backend.api.url) =>
  render(<PaymentLicenses {...contextFor(url, object)} />);

describe('the payment view', () => {
  it('a payment with none says so', async () => {
    const { wrapper, update } = renderPayment({ id: 'pi_nothing', object: 'payment_intent' });
    await settle(update, () => wrapper.text.includes('No licenses for this payment.'));
    expect(wrapper.find(Badge)).toBeNull();
    expect(wrapper.find(Banner)).toBeNull();
  });

  it('a license disabled by the refund shows its reason, and can be enabled again', async () => {
    const { wrapper, update } = renderPayment({ id: 'pi_refunded', object: 'payment_intent' });
    await settle(update, () => wrapper.find(Badge) !== null);
    expect(wrapper.find(Badge)!.text).toBe('Disabled');
    expect(wrapper).toContainText('Refunded');
    expect(wrapper).toContainText('PAID-KEY');
    wrapper.find(MenuItem, { id: `enable:${refunded}` })!.trigger('onAction', 'enable');
    await settle(update, () => wrapper.find(Badge)!.text === 'Active');
    expect(wrapper.text).not.toContain('Refunded');
    wrapper.find(MenuItem, { id: `disable:${refunded}` })!.trigger('onAction', 'disable');
    await settle(update, () => wrapper.find(Badge)!.text === 'Disabled');
    expect(wrapper).toContainText('Disabled by an operator');
  });

  it('a bare charge (no payment intent) asks the backend nothing and shows the empty state', async () => {
    const spy = vi.fn(fetch);
    vi.stubGlobal('fetch', spy);
    const { wrapper, update } = renderPayment({ id: 'ch_legacy', object: 'charge' });
    await update();
    expect(wrapper).toContainText('No licenses for this payment.');
    expect(spy).not.toHaveBeenCalled();
  });

  it('an unreachable backend is an error naming the deployment', async () => {
    const { wrapper, update } = renderPayment(
      { id: 'pi_refunded', object: 'payment_intent' },
      'http://127.0.0.1:9',
    );
    await settle(update, () => wrapper.find(Banner) !== null);
    expect(wrapper.find(Banner)!.prop('title')).toBe('Could not load the licenses');
    expect(wrapper.find(Banner)!.prop('description')).toContain('could not be reached at http://127.0.0.1:9');
  });
});

import * as schema from '@licensync/core/schema';
import { render } from '@stripe/ui-extension-sdk/testing';
import {
  Badge,
  Banner,
  ContextView,
  FocusView,
  Select,
  Spinner,
  TextField,
} from '@stripe/ui-extension-sdk/ui';
import { eq } from 'drizzle-orm';
import CustomerLicenses from '../src/views/CustomerLicenses';
import { pressInProp, propsInProp } from './support/fragment-nodes';
import { type Backend, contextFor, settle, signAsDashboard, startBackend } from './support/start-backend';

vi.mock('@stripe/ui-extension-sdk/utils', async (original) => ({
  ...(await original<object>()),
  fetchStripeSignature: vi.fn(async () => signAsDashboard()),
}));

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend();
  await backend.addLicense({ sourceKey: 'sub:0', licenseKey: 'FROM-SUB', stripeSubscriptionId: 'sub_c' });
  await backend.addLicense({
    sourceKey: 'cs:0',
    licenseKey: 'FROM-CHECKOUT',
    stripeCheckoutSessionId: 'cs_test_c',
  });
  await backend.addLicense({ sourceKey: 'in:0', licenseKey: 'FROM-INVOICE', stripeInvoiceId: 'in_c' });
});
afterAll(() => backend.close());

const renderCustomer = (id: string) =>
  render(<CustomerLicenses {...contextFor(backend.api.url, { id, object: 'customer' })} />);
type Wrapper = ReturnType<typeof renderCustomer>['wrapper'];
const createPanel = (wrapper: Wrapper) => wrapper.find(FocusView, { title: 'Create license' })!;
const openCreate = async (wrapper: Wrapper, update: () => Promise<void>) => {
  pressInProp(wrapper, wrapper.find(ContextView)!.prop('actions'), 'Button', 'Create license');
  await settle(update, () => createPanel(wrapper).find(Select) !== null);
};

describe('the customer view', () => {
  it('shows every license of the customer, wherever it came from', async () => {
    const { wrapper, update } = renderCustomer('cus_views');
    await settle(update, () => wrapper.findAll(Badge).length === 3);
    for (const key of ['FROM-SUB', 'FROM-CHECKOUT', 'FROM-INVOICE']) expect(wrapper).toContainText(key);
  });

  it('a customer with none has the empty state and still offers Create license', async () => {
    const { wrapper, update } = renderCustomer('cus_unknown');
    await settle(update, () => wrapper.text.includes('No licenses for this customer yet.'));
    expect(propsInProp(wrapper.find(ContextView)!.prop('actions'), 'Button', 'Create license')).toBeDefined();
  });

  it('Create license takes an order in the ledger and lists the new license', async () => {
    const { wrapper, update } = renderCustomer('cus_views');
    await settle(update, () => wrapper.findAll(Badge).length === 3);
    await openCreate(wrapper, update);
    const panel = createPanel(wrapper);
    expect(panel.prop('shown')).toBe(true);
    expect(panel.find(Spinner)).toBeNull();
    panel.find(Select, { label: 'Product' })!.trigger('onChange', { target: { value: 'pro' } });
    panel.find(TextField, { label: 'Quantity' })!.trigger('onChange', { target: { value: '2' } });
    await update();
    pressInProp(wrapper, createPanel(wrapper).prop('primaryAction'), 'Button', 'Create');
    await settle(update, () => wrapper.findAll(Badge).length === 5);
    expect(createPanel(wrapper).prop('shown')).toBe(false);
    const orders = await backend.api.db
      .select()
      .from(schema.orders)
      .where(eq(schema.orders.sourceKind, 'stripe_app'));
    expect(orders).toHaveLength(1);
    const created = await backend.api.db
      .select()
      .from(schema.licenses)
      .where(eq(schema.licenses.orderId, orders[0]!.id));
    expect(created).toHaveLength(2);
  });

  it('a customer licensync does not know yet: the backend’s 422 lands on the email field, then an email creates it', async () => {
    // A customer of the Stripe account that licensync has never seen (no email in the ledger yet).
    const brandNew = backend.stripe.sim.createCustomer({}).customer.id;
    const { wrapper, update } = renderCustomer(brandNew);
    await settle(update, () => wrapper.text.includes('No licenses for this customer yet.'));
    await openCreate(wrapper, update);
    pressInProp(wrapper, createPanel(wrapper).prop('primaryAction'), 'Button', 'Create');
    await settle(update, () =>
      Boolean(createPanel(wrapper).find(TextField, { label: 'Email' })!.prop('error')),
    );
    expect(createPanel(wrapper).find(TextField, { label: 'Email' })!.prop('error')).toContain(brandNew);
    expect(createPanel(wrapper).find(Banner)!.prop('title')).toBe('The license was not created');

    createPanel(wrapper)
      .find(TextField, { label: 'Email' })!
      .trigger('onChange', { target: { value: 'first@example.com' } });
    await update();
    pressInProp(wrapper, createPanel(wrapper).prop('primaryAction'), 'Button', 'Create');
    await settle(update, () => wrapper.findAll(Badge).length === 1);
    const [customer] = await backend.api.db
      .select()
      .from(schema.customers)
      .where(eq(schema.customers.stripeCustomerId, brandNew));
    expect(customer).toMatchObject({ email: 'first@example.com' });
  });
});

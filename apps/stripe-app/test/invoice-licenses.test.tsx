import { getMockContextProps, render } from '@stripe/ui-extension-sdk/testing';
import { Badge, Banner } from '@stripe/ui-extension-sdk/ui';
import { fetchStripeSignature } from '@stripe/ui-extension-sdk/utils';
import InvoiceLicenses from '../src/views/InvoiceLicenses';
import { type Backend, contextFor, settle, signAsDashboard, startBackend } from './support/start-backend';

vi.mock('@stripe/ui-extension-sdk/utils', async (original) => ({
  ...(await original<object>()),
  fetchStripeSignature: vi.fn(async () => signAsDashboard()),
}));

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend();
  // An invoice paid out of band: no payment intent, which the reference could not show at all.
  await backend.addLicense({ sourceKey: 'in:0', licenseKey: 'INVOICE-KEY', stripeInvoiceId: 'in_views' });
});
afterAll(() => backend.close());

describe('the invoice view', () => {
  it('shows the invoice’s license though it has no payment intent', async () => {
    const { wrapper, update } = render(
      <InvoiceLicenses {...contextFor(backend.api.url, { id: 'in_views', object: 'invoice' })} />,
    );
    await settle(update, () => wrapper.find(Badge) !== null);
    expect(wrapper).toContainText('INVOICE-KEY');
    expect(wrapper.find(Badge)!.text).toBe('Active');
  });

  it('an account no workspace is connected to gets the backend’s explanation', async () => {
    const context = contextFor(backend.api.url, { id: 'in_views', object: 'invoice' });
    const other = getMockContextProps({
      ...context,
      userContext: { id: 'usr_x', account: { id: 'acct_other' } },
    });
    vi.mocked(fetchStripeSignature).mockImplementationOnce(async () =>
      signAsDashboard({ userId: 'usr_x', accountId: 'acct_other' }),
    );
    const { wrapper, update } = render(<InvoiceLicenses {...other} />);
    await settle(update, () => wrapper.find(Banner) !== null);
    expect(wrapper.find(Banner)!.prop('description')).toContain(
      'no workspace is connected to Stripe account acct_other',
    );
  });

  it('an app uploaded without its backend URL says which command sets it', async () => {
    const context = getMockContextProps({
      environment: { objectContext: { id: 'in_views', object: 'invoice' }, constants: {} },
    });
    const { wrapper } = render(<InvoiceLicenses {...context} />);
    expect(wrapper.find(Banner)!.prop('title')).toBe('Licenses cannot be shown');
    expect(wrapper.find(Banner)!.prop('description')).toContain(
      'pnpm --filter @licensync/stripe-app configure',
    );
  });
});

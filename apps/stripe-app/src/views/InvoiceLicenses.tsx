import type { ExtensionContextValue } from '@stripe/ui-extension-sdk/context';
import { LicensesCard } from '../components/LicensesCard';

/** `stripe.dashboard.invoice.detail`: the licenses the invoice paid for. */
const InvoiceLicenses = (context: ExtensionContextValue) => (
  <LicensesCard
    context={context}
    kind="invoices"
    objectId={context.environment.objectContext?.id}
    emptyText="No licenses for this invoice."
  />
);

export default InvoiceLicenses;

import type { ExtensionContextValue } from '@stripe/ui-extension-sdk/context';
import { LicensesCard } from '../components/LicensesCard';

/** `stripe.dashboard.customer.detail`: every license of the customer, and "Create license". */
const CustomerLicenses = (context: ExtensionContextValue) => (
  <LicensesCard
    context={context}
    kind="customers"
    objectId={context.environment.objectContext?.id}
    emptyText="No licenses for this customer yet."
    allowCreate
  />
);

export default CustomerLicenses;

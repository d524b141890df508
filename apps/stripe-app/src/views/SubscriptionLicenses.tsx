import type { ExtensionContextValue } from '@stripe/ui-extension-sdk/context';
import { LicensesCard } from '../components/LicensesCard';

/** `stripe.dashboard.subscription.detail`: the subscription's licenses. */
const SubscriptionLicenses = (context: ExtensionContextValue) => (
  <LicensesCard
    context={context}
    kind="subscriptions"
    objectId={context.environment.objectContext?.id}
    emptyText="No licenses for this subscription."
  />
);

export default SubscriptionLicenses;

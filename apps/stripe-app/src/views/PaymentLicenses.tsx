import type { ExtensionContextValue } from '@stripe/ui-extension-sdk/context';
import { LicensesCard } from '../components/LicensesCard';

/**
 * `stripe.dashboard.payment.detail`: the licenses the payment bought. The page's object is a
 * payment intent, or a bare charge for payments made without one, which licensync never licenses
 * (checkouts and invoices always pay through a payment intent).
 */
const PaymentLicenses = (context: ExtensionContextValue) => {
  const object = context.environment.objectContext;
  return (
    <LicensesCard
      context={context}
      kind="payment_intents"
      objectId={object?.object === 'payment_intent' ? object.id : undefined}
      emptyText="No licenses for this payment."
    />
  );
};

export default PaymentLicenses;

import type Stripe from 'stripe';
import { StripeApiError } from '../http/stripe-api-error.js';
import { buildCheckoutLineItem } from '../objects/build-checkout-line-item.js';
import { buildCheckoutSession } from '../objects/build-checkout-session.js';
import { buildCustomer } from '../objects/build-customer.js';
import type { OpsContext } from '../ops/ops-context.js';
import { startSubscription } from '../ops/start-subscription.js';
import { checkoutPayment } from './checkout-payment.js';
import type { SimResult, SimRuntime } from './sim-runtime.js';

export interface CheckoutInput {
  /** An existing customer id; otherwise `customer_email` (subscription mode then creates a customer). */
  customer?: string;
  customer_email?: string;
  lineItems: { price: string; quantity?: number }[];
  mode: 'payment' | 'subscription';
  /** Payment mode only: `unpaid` plays a delayed method (bank debit), finished by completeAsyncPayment. */
  paymentStatus?: 'paid' | 'unpaid';
  /** Payment mode only: also issue a paid invoice (`invoice_creation.enabled`). */
  invoiceCreation?: boolean;
  /** Subscription mode only. */
  trialDays?: number;
  clientReferenceId?: string;
  metadata?: Record<string, string>;
}

export interface CheckoutResult {
  session: Stripe.Checkout.Session;
  lineItems: Stripe.LineItem[];
  customer: Stripe.Customer | null;
  paymentIntent: Stripe.PaymentIntent | null;
  charge: Stripe.Charge | null;
  subscription: Stripe.Subscription | null;
  invoice: Stripe.Invoice | null;
}

/** A completed hosted checkout; ends with `checkout.session.completed`. */
export function checkoutAction(rt: SimRuntime) {
  return (input: CheckoutInput): SimResult<CheckoutResult> =>
    rt.act((ctx) => {
      const prices = input.lineItems.map((item, index) =>
        ctx.store.get<Stripe.Price>('price', item.price, `line_items[${index}][price]`),
      );
      if (input.mode === 'payment' && prices.some((price) => price.recurring)) {
        throw StripeApiError.invalid(
          'You specified `payment` mode but passed a recurring price.',
          'line_items',
        );
      }
      const existing = input.customer
        ? ctx.store.get<Stripe.Customer>('customer', input.customer, 'customer')
        : null;
      const needsCustomer = input.mode === 'subscription' || input.invoiceCreation === true;
      const customer = existing ?? (needsCustomer ? createCustomer(ctx, input.customer_email) : null);
      const currency = prices[0]?.currency ?? 'usd';

      let outcome: Omit<CheckoutResult, 'session' | 'lineItems' | 'customer'>;
      let paymentStatus: Stripe.Checkout.Session.PaymentStatus;
      let amountTotal: number;
      if (input.mode === 'subscription') {
        // Checkout bills one-time prices of a subscription session once, on the first invoice.
        const isRecurring = (item: { price: string }) =>
          ctx.store.get<Stripe.Price>('price', item.price, 'line_items[price]').recurring !== null;
        const started = startSubscription(ctx, {
          customer: customer as Stripe.Customer,
          items: input.lineItems.filter(isRecurring),
          addInvoiceItems: input.lineItems.filter((item) => !isRecurring(item)),
          trialDays: input.trialDays,
        });
        outcome = started;
        amountTotal = started.invoice.total;
        paymentStatus = started.invoice.total === 0 ? 'no_payment_required' : 'paid';
      } else {
        amountTotal = prices.reduce(
          (sum, price, i) => sum + (price.unit_amount ?? 0) * (input.lineItems[i]?.quantity ?? 1),
          0,
        );
        paymentStatus = input.paymentStatus ?? 'paid';
        outcome = checkoutPayment(ctx, {
          customer,
          email: customer?.email ?? input.customer_email ?? null,
          currency,
          amountTotal,
          prices,
          lineItems: input.lineItems,
          paid: paymentStatus === 'paid',
          invoiceCreation: input.invoiceCreation === true,
        });
      }

      const session = ctx.store.insert(
        buildCheckoutSession(
          {
            mode: input.mode,
            customer,
            customerEmail: input.customer_email ?? null,
            amountTotal,
            currency,
            paymentStatus,
            paymentIntent: input.mode === 'payment' ? (outcome.paymentIntent?.id ?? null) : null,
            subscription: outcome.subscription?.id ?? null,
            invoice: outcome.invoice?.id ?? null,
            invoiceCreation: input.invoiceCreation === true,
            clientReferenceId: input.clientReferenceId,
            metadata: input.metadata,
          },
          ctx.store.now(),
        ),
      );
      const lineItems = prices.map((price, index) => {
        const name = ctx.store.find<Stripe.Product>(String(price.product))?.name ?? 'Item';
        const item = buildCheckoutLineItem(price, input.lineItems[index]?.quantity ?? 1, name);
        return ctx.store.insert(item, { parent: session.id });
      });
      ctx.emit('checkout.session.completed', session);
      return {
        session: rt.render(session),
        lineItems: lineItems.map((item) => rt.render(item)),
        customer: rt.renderOrNull(customer),
        paymentIntent: rt.renderOrNull(outcome.paymentIntent),
        charge: rt.renderOrNull(outcome.charge),
        subscription: rt.renderOrNull(outcome.subscription),
        invoice: rt.renderOrNull(outcome.invoice),
      };
    });
}

function createCustomer(ctx: OpsContext, email: string | undefined): Stripe.Customer {
  const customer = ctx.store.insert(buildCustomer({ email: email ?? null }, ctx.store.now()));
  ctx.emit('customer.created', customer);
  return customer;
}

import type Stripe from 'stripe';
import { StripeApiError } from '../http/stripe-api-error.js';
import type { StripeStore } from '../store/stripe-store.js';

/** A price that can go on a subscription; Stripe rejects one-time prices there with a 400. */
export function recurringPrice(
  store: StripeStore,
  id: string,
  param: string,
): Stripe.Price & { recurring: Stripe.Price.Recurring } {
  const price = store.get<Stripe.Price>('price', id, param);
  if (!price.recurring) {
    throw StripeApiError.invalid(
      `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`,
      param,
    );
  }
  return price as Stripe.Price & { recurring: Stripe.Price.Recurring };
}

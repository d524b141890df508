import type Stripe from 'stripe';
import {
  asList,
  asRecord,
  mergeMetadata,
  optionalBool,
  optionalInt,
  optionalString,
} from '../http/coerce.js';
import type { FormParams } from '../http/parse-form.js';
import { StripeApiError } from '../http/stripe-api-error.js';
import type { SubscriptionChanges } from '../ops/apply-subscription-changes.js';

const PAUSE_BEHAVIORS = ['keep_as_draft', 'mark_uncollectible', 'void'];

/** `POST /v1/subscriptions/:id` form parameters as SubscriptionChanges. */
export function parseSubscriptionChanges(
  params: FormParams,
  subscription: Stripe.Subscription,
): SubscriptionChanges {
  const items = params.items === undefined ? undefined : asList(params.items, 'items');
  return {
    items: items?.map((raw, index) => {
      const item = asRecord(raw, `items[${index}]`) ?? {};
      return {
        id: optionalString(item.id, `items[${index}][id]`),
        price: optionalString(item.price, `items[${index}][price]`),
        quantity: optionalInt(item.quantity, `items[${index}][quantity]`),
        deleted: optionalBool(item.deleted, `items[${index}][deleted]`),
      };
    }),
    cancelAtPeriodEnd: optionalBool(params.cancel_at_period_end, 'cancel_at_period_end'),
    pauseCollection: parsePauseCollection(params.pause_collection),
    metadata:
      params.metadata === undefined ? undefined : mergeMetadata(subscription.metadata, params.metadata),
    description:
      params.description === undefined
        ? undefined
        : optionalString(params.description, 'description') || null,
  };
}

function parsePauseCollection(
  value: FormParams[string] | undefined,
): Stripe.Subscription.PauseCollection | null | undefined {
  if (value === undefined) return undefined;
  // An empty string is how form encoding says null: resume collection.
  if (value === '') return null;
  const pause = asRecord(value, 'pause_collection') ?? {};
  const behavior = optionalString(pause.behavior, 'pause_collection[behavior]');
  if (!behavior || !PAUSE_BEHAVIORS.includes(behavior)) {
    throw StripeApiError.invalid('Invalid pause_collection[behavior]', 'pause_collection[behavior]');
  }
  return {
    behavior: behavior as Stripe.Subscription.PauseCollection.Behavior,
    resumes_at: optionalInt(pause.resumes_at, 'pause_collection[resumes_at]') ?? null,
  };
}

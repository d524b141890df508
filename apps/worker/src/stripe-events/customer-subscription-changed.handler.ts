import type Stripe from 'stripe';
import { reconcileSubscription } from '../provisioning/reconcile-subscription';
import type { HandlerContext, HandlerOutcome } from './stripe-event-handler';

/**
 * `customer.subscription.created|updated|deleted|paused|resumed`: quantity changes, status changes, pauses,
 * trials and cancellations. Reads the subscription from Stripe rather than the payload, so a late
 * or repeated event cannot roll licenses back to an older state.
 * Idempotent because the result depends only on Stripe's current state. Terminal when the
 * subscription's prices have broken metadata or its customer has no email.
 */
export async function runCustomerSubscriptionChanged(
  event:
    | Stripe.CustomerSubscriptionCreatedEvent
    | Stripe.CustomerSubscriptionUpdatedEvent
    | Stripe.CustomerSubscriptionDeletedEvent
    | Stripe.CustomerSubscriptionPausedEvent
    | Stripe.CustomerSubscriptionResumedEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  await reconcileSubscription(ctx, event.data.object.id);
  return 'processed';
}

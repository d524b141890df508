import type { FakeStripe } from '@licensync/fakes/stripe';
import type Stripe from 'stripe';

/** What one customer's purchase must leave in the ledger, whatever order its events arrive in. */
export interface Story {
  email: string;
  /** Licenses are looked up by this: the checkout session (one-off) or the subscription. */
  source: { kind: 'session' | 'subscription'; id: string };
  licenses: number;
  /** Ids of the events this purchase emitted. */
  eventIds: string[];
}

export interface StoryPlan {
  stories: Story[];
  /** Every event the fake Stripe emitted, oldest first; each is delivered two or three times. */
  events: Stripe.Event[];
}

/**
 * Plays purchases on the fake Stripe until at least `minEvents` events exist: three in four are
 * one-off checkouts of 1–3 seats, the rest subscriptions of 1–2 seats raised by one seat later
 * (an increase, so every arrival order ends with the same count, all enabled).
 */
export function makeStories(fake: FakeStripe, minEvents: number, random: () => number): StoryPlan {
  const { sim } = fake;
  // Collected as emitted: sim.allEvents() copies the whole log on every call.
  const events: Stripe.Event[] = [];
  const stopListening = fake.onEvent((event) => events.push(event));
  const product = sim.createProduct({ name: 'Acme Pro', metadata: { short_code: 'pro' } }).product;
  const oneOff = sim.createPrice({ product: product.id, unit_amount: 9900 }).price;
  const monthly = sim.createPrice({
    product: product.id,
    unit_amount: 1500,
    recurring: { interval: 'month' },
    metadata: { license_policy: 'sub' },
  }).price;
  const stories: Story[] = [];
  const seats = (max: number) => 1 + Math.floor(random() * max);
  while (events.length < minEvents) {
    const email = `buyer${stories.length}@chaos.example`;
    const firstEvent = events.length;
    if (random() < 0.75) {
      const quantity = seats(3);
      const { session } = sim.checkout({
        customer_email: email,
        mode: 'payment',
        lineItems: [{ price: oneOff.id, quantity }],
      });
      stories.push({ email, source: { kind: 'session', id: session.id }, licenses: quantity, eventIds: [] });
    } else {
      const quantity = seats(2);
      const { subscription } = sim.checkout({
        customer_email: email,
        mode: 'subscription',
        lineItems: [{ price: monthly.id, quantity }],
      });
      sim.updateSubscriptionQuantity(subscription!.id, quantity + 1);
      stories.push({
        email,
        source: { kind: 'subscription', id: subscription!.id },
        licenses: quantity + 1,
        eventIds: [],
      });
    }
    stories.at(-1)!.eventIds = events.slice(firstEvent).map((e) => e.id);
  }
  stopListening();
  return { stories, events };
}

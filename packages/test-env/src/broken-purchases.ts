import type { FakeStripe } from '@licensync/fakes/stripe';

/**
 * One-off checkouts, one per email, of a new price whose metadata breaks a rule (floating_cloud above
 * max_activations: 5 > 2 unless `limits` says otherwise). They fail for good until `fix()` lowers
 * floating_cloud to 2. Nothing is delivered: the caller decides when and how.
 */
export function brokenPurchases(
  sim: FakeStripe['sim'],
  emails: string[],
  limits: { max_activations: string; floating_cloud: string } = { max_activations: '2', floating_cloud: '5' },
) {
  const product = sim.createProduct({ name: 'Pro' }).product;
  const price = sim.createPrice({
    product: product.id,
    unit_amount: 100,
    metadata: { short_code: 'pro', ...limits },
  }).price;
  const purchases = emails.map((email) => {
    const { events, paymentIntent, session } = sim.checkout({
      customer_email: email,
      mode: 'payment',
      lineItems: [{ price: price.id }],
    });
    return {
      completed: events.filter((e) => e.type === 'checkout.session.completed'),
      pi: paymentIntent!.id,
      sessionId: session.id,
    };
  });
  return {
    price,
    purchases,
    /** Every purchase's `checkout.session.completed`, in purchase order. */
    completed: purchases.flatMap((p) => p.completed),
    fix: () => sim.updatePrice(price.id, { metadata: { floating_cloud: '2' } }),
  };
}

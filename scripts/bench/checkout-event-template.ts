import { createFakeStripe } from './bench-deps';

/**
 * A real-shaped `checkout.session.completed` (3 seats), pretty-printed as Stripe sends it, with
 * `__EVENT_ID__` in place of its id so the load generator can stamp a fresh one per request.
 */
export async function checkoutEventTemplate(): Promise<string> {
  const fake = await createFakeStripe();
  try {
    const { sim } = fake;
    const product = sim.createProduct({ name: 'Bench Pro', metadata: { short_code: 'pro' } }).product;
    const price = sim.createPrice({ product: product.id, unit_amount: 9900 }).price;
    const { events } = sim.checkout({
      customer_email: 'buyer@example.com',
      mode: 'payment',
      lineItems: [{ price: price.id, quantity: 3 }],
    });
    const completed = events.find((e) => e.type === 'checkout.session.completed');
    if (!completed) throw new Error('the simulator emitted no checkout.session.completed');
    return JSON.stringify({ ...completed, id: '__EVENT_ID__' }, null, 2);
  } finally {
    await fake.close();
  }
}

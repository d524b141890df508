/**
 * The fake Stripe as its own process for the end-to-end bench, so serving the workers' reads does
 * not share an event loop with the load. Prints `fake stripe <url>` when listening; over IPC,
 * `{ type: 'checkouts', n, tag }` plays n paid checkouts of 3 seats and answers
 * `{ type: 'events', events }` with their `checkout.session.completed` events.
 */
import { createFakeStripe } from './bench-deps';

const fake = await createFakeStripe({ port: Number(process.env.PORT ?? 0) });
const { sim } = fake;
const product = sim.createProduct({ name: 'Bench Pro', metadata: { short_code: 'pro' } }).product;
const price = sim.createPrice({ product: product.id, unit_amount: 9900 }).price;

process.on('message', (message: { type?: string; n?: number; tag?: string }) => {
  if (message?.type !== 'checkouts') return;
  const events = [];
  for (let i = 0; i < (message.n ?? 0); i++) {
    const { events: emitted } = sim.checkout({
      customer_email: `buyer-${message.tag}-${i}@bench.example`,
      mode: 'payment',
      lineItems: [{ price: price.id, quantity: 3 }],
    });
    events.push(...emitted.filter((e) => e.type === 'checkout.session.completed'));
  }
  process.send?.({ type: 'events', events });
});
process.on('SIGTERM', async () => {
  await fake.close();
  process.exit(0);
});
console.log(`fake stripe ${fake.url}`);

import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import type { DemoContext } from './demo-context';

export interface BrokenPriceOutcome {
  priceId: string;
  eventId: string;
  failureId: number;
  error: string;
}

/**
 * The story's last step leaves one failed event behind on purpose: a price whose metadata breaks
 * a rule (5 floating activations on a 2-activation license), for operators to practise on: see
 * the failure, fix the price in Stripe (here: the simulator), replay.
 */
export async function runBrokenPriceStep(ctx: DemoContext): Promise<BrokenPriceOutcome> {
  const { sim } = ctx;
  ctx.print('\n11. Alan buys Acme Pro Floating, whose price has a broken attribute');
  const product = sim.createProduct({ name: 'Acme Pro Floating' }).product;
  const price = sim.createPrice({
    product: product.id,
    unit_amount: 9900,
    metadata: { short_code: 'pro', max_activations: '2', floating_cloud: '5' },
  }).price;
  const { events } = sim.checkout({
    customer_email: 'alan@example.com',
    mode: 'payment',
    lineItems: [{ price: price.id }],
  });
  const completed = events.find((e) => e.type === 'checkout.session.completed')!;
  await ctx.play(events);
  const [failure] = await ctx.db
    .select({ id: schema.jobFailures.id, error: schema.jobFailures.lastError })
    .from(schema.jobFailures)
    .where(eq(schema.jobFailures.eventId, completed.id));
  if (!failure) throw new Error(`the broken price's event ${completed.id} did not fail`);
  ctx.print(
    `   → the event failed for good, and waits for you as failure ${failure.id}:\n     ${failure.error}`,
  );
  return { priceId: price.id, eventId: completed.id, failureId: failure.id, error: failure.error };
}

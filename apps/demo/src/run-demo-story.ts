import type { DemoContext } from './demo-context';
import { formatTable, type LicenseRow, licenseTable } from './license-table';

export interface DemoOutcome {
  seats: LicenseRow[];
  machines: LicenseRow[];
  bundle: LicenseRow[];
  subscription: LicenseRow[];
}

/**
 * The story `pnpm demo` plays against the Stripe simulator: every step is a real Stripe change
 * whose signed webhooks go through the api, the queue and the worker.
 */
export async function runDemoStory(ctx: DemoContext): Promise<DemoOutcome> {
  const { sim, play, print } = ctx;
  const show = async (title: string, email: string) => {
    const rows = await licenseTable(ctx.db, ctx.workspaceId, email);
    print(`\n${title}\n${formatTable(rows)}`);
    return rows;
  };
  const price = (name: string, metadata: Record<string, string>, recurring = false) => {
    const product = sim.createProduct({ name }).product;
    return sim.createPrice({
      product: product.id,
      unit_amount: recurring ? 2900 : 19900,
      metadata,
      ...(recurring && { recurring: { interval: 'month' as const } }),
    }).price;
  };

  print('1. Ada buys 3 seats of Acme Pro in a one-off checkout');
  const pro = price('Acme Pro', { short_code: 'pro' });
  await play(
    sim.checkout({
      customer_email: 'ada@example.com',
      mode: 'payment',
      lineItems: [{ price: pro.id, quantity: 3 }],
    }).events,
  );
  const seats = await show('   → three perpetual licenses:', 'ada@example.com');

  print('\n2. Grace buys one Acme Pro license for 5 machines (is_single_license)');
  const single = price('Acme Pro (site)', {
    short_code: 'pro',
    is_single_license: 'true',
    license_policy: 'annual',
  });
  await play(
    sim.checkout({
      customer_email: 'grace@example.com',
      mode: 'payment',
      lineItems: [{ price: single.id, quantity: 5 }],
    }).events,
  );
  const machines = await show('   → one annual license with 5 activations:', 'grace@example.com');

  print('\n3. Linus buys the Acme Suite bundle (Pro + Team)');
  const suite = price('Acme Suite', { short_code: 'suite', is_product_bundle: 'true' });
  await play(
    sim.checkout({ customer_email: 'linus@example.com', mode: 'payment', lineItems: [{ price: suite.id }] })
      .events,
  );
  const bundle = await show('   → a bundle license plus one per member product:', 'linus@example.com');

  print('\n4. Margaret subscribes to Acme Pro monthly with 2 seats');
  const monthly = price('Acme Pro Monthly', { short_code: 'pro', license_policy: 'sub' }, true);
  const checkout = sim.checkout({
    customer_email: 'margaret@example.com',
    mode: 'subscription',
    lineItems: [{ price: monthly.id, quantity: 2 }],
  });
  await play(checkout.events);
  const subId = checkout.subscription!.id;
  await show('   → two subscription licenses valid for the first month:', 'margaret@example.com');

  print('\n5. The subscription renews');
  const renewal = sim.renewSubscription(subId);
  await play(renewal.events);
  await show('   → validity extended to the new period end:', 'margaret@example.com');

  print('\n6. Margaret grows the team from 2 to 4 seats');
  await play(sim.updateSubscriptionQuantity(subId, 4).events);
  await show('   → two more licenses:', 'margaret@example.com');

  print('\n7. ... then shrinks it to 1 seat');
  await play(sim.updateSubscriptionQuantity(subId, 1).events);
  await show('   → the three newest licenses are disabled:', 'margaret@example.com');

  print('\n8. The next renewal payment fails: the subscription goes past due');
  await play(sim.renewSubscription(subId, { paymentFails: true }).events);
  await show('   → past due keeps the license working while Stripe retries:', 'margaret@example.com');

  print('\n9. Margaret asks for her last payment back: a full refund of the renewal');
  await play(sim.refundCharge(sim.chargeOf(renewal.invoice!.id)!.id).events);
  await show('   → the refunded licenses are disabled:', 'margaret@example.com');

  print('\n10. The subscription is cancelled');
  await play(sim.cancelSubscription(subId).events);
  const subscription = await show(
    '   → every license of the subscription is disabled:',
    'margaret@example.com',
  );

  return { seats, machines, bundle, subscription };
}

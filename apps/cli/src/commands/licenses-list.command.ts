import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { formatLicenseTable, type LicenseJson } from '../license-json';

/** `licenses list`: licenses newest first, filtered, as a table or JSON. */
export function registerLicensesList(licenses: Command, ctx: CliContext): void {
  licenses
    .command('list')
    .description('list licenses, newest first')
    .option('--customer-email <email>', 'only this customer’s')
    .option('--product <code>', 'only this product’s')
    .option('--status <status>', 'enabled or disabled')
    .option('--subscription <id>', 'only this Stripe subscription’s')
    .option('--payment-intent <id>', 'only this Stripe payment intent’s')
    .option('--limit <n>', 'at most this many (1-100)', '20')
    .option('--starting-after <id>', 'the page after this license id')
    .option('--json', 'print the api response as JSON')
    .action(async (opts, command: Command) => {
      const body = await clientFor(command, ctx).call<{ data: LicenseJson[]; has_more: boolean }>(
        'GET',
        '/api/v1/licenses',
        {
          query: {
            customer_email: opts.customerEmail,
            product: opts.product,
            status: opts.status,
            stripe_subscription_id: opts.subscription,
            stripe_payment_intent_id: opts.paymentIntent,
            limit: opts.limit,
            starting_after: opts.startingAfter,
          },
        },
      );
      if (opts.json) return ctx.print(JSON.stringify(body, null, 2));
      if (body.data.length === 0) return ctx.print('no licenses match');
      ctx.print(formatLicenseTable(body.data));
      if (body.has_more) ctx.print(`… more; next page: --starting-after ${body.data.at(-1)!.id}`);
    });
}

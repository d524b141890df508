import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { CliError, EXIT } from '../exit-codes';
import { formatLicenseTable, type LicenseJson } from '../license-json';
import { collectList, collectPair, defined, toCount } from '../parse-options';

interface OrderJson {
  id: string;
  customer_id: string;
  licenses: (LicenseJson & { key: string | null })[];
}

/** `orders create`: licenses for a customer by hand, as a Stripe purchase would make them. */
export function registerOrdersCreate(orders: Command, ctx: CliContext): void {
  orders
    .command('create')
    .description('create an order and its licenses (a trial, a comp, an offline payment)')
    .requiredOption('--product <code>', 'product short code')
    .option('--policy <code>', 'policy code (default: the product’s default policy)')
    .option('--quantity <n>', 'number of licenses', '1')
    .option('--email <email>', 'customer email (found or created)')
    .option('--first-name <name>', 'customer first name')
    .option('--last-name <name>', 'customer last name')
    .option('--company <name>', 'customer company (becomes its account)')
    .option('--customer <id>', 'an existing customer id instead of --email')
    .option('--account <id>', 'a customer account id (its first contact unless --email)')
    .option('--source <source>', 'manual, hubspot_card or workflow', 'manual')
    .option('--valid-duration <duration>', 'e.g. 30d, 6m, 1y')
    .option('--valid-until <time>', 'ISO 8601')
    .option('--max-activations <n>', 'machines per license')
    .option('--floating <n>', 'floating cloud users')
    .option('--max-users <n>', 'users per license (user products)')
    .option('--trial', 'mark the licenses as trials')
    .option('--maintenance <duration>', 'turn maintenance on for this long, e.g. 1y')
    .option('--single-license', 'one license sized by --quantity')
    .option(
      '--feature <code>',
      'grant this feature instead of the policy’s (repeatable, or a,b)',
      collectList,
    )
    .option('--custom-field <name=value>', 'custom field value (repeatable)', collectPair)
    .option('--idempotency-key <key>', 'run again with the same key to get the same order, never a second')
    .option('--json', 'print the api response as JSON')
    .action(async (opts, command: Command) => {
      if (!opts.email && !opts.customer && !opts.account) {
        throw new CliError('give --email, --customer or --account', EXIT.usage);
      }
      const body = {
        customer: defined({
          email: opts.email,
          first_name: opts.firstName,
          last_name: opts.lastName,
          company: opts.company,
          id: opts.customer,
          account_id: opts.account,
        }),
        product: opts.product,
        ...(opts.policy && { policy: opts.policy }),
        quantity: toCount('--quantity', opts.quantity),
        source: opts.source,
        overrides: defined({
          valid_duration: opts.validDuration,
          valid_until: opts.validUntil,
          max_activations: toCount('--max-activations', opts.maxActivations),
          floating_cloud: toCount('--floating', opts.floating),
          max_license_users: toCount('--max-users', opts.maxUsers),
          is_trial: opts.trial,
          enable_maintenance_duration: opts.maintenance ? true : undefined,
          maintenance_duration: opts.maintenance,
          is_single_license: opts.singleLicense,
          features: opts.feature,
          custom_fields: opts.customField,
        }),
      };
      const headers: Record<string, string> = opts.idempotencyKey
        ? { 'idempotency-key': opts.idempotencyKey }
        : {};
      const order = await clientFor(command, ctx).call<OrderJson>('POST', '/api/v1/orders', {
        body,
        headers,
      });
      if (opts.json) return ctx.print(JSON.stringify(order, null, 2));
      ctx.print(`order ${order.id} for customer ${order.customer_id}: ${order.licenses.length} license(s)`);
      ctx.print(formatLicenseTable(order.licenses));
    });
}

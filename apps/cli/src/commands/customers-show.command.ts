import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import type { CustomerJson } from '../customer-json';
import { formatLicenseTable, type LicenseJson } from '../license-json';

interface CustomerDetailsJson extends CustomerJson {
  hubspot_records: { object_type: string; object_id: string }[];
}

/** `customers show <id>`: a customer, its account, HubSpot records and licenses. */
export function registerCustomersShow(customers: Command, ctx: CliContext): void {
  customers
    .command('show <id>')
    .description('show a customer with its account, HubSpot records and licenses')
    .option('--json', 'print the customer and its licenses as JSON')
    .action(async (id: string, opts, command: Command) => {
      const client = clientFor(command, ctx);
      const path = `/api/v1/customers/${encodeURIComponent(id)}`;
      const customer = await client.call<CustomerDetailsJson>('GET', path);
      const licenses = await client.call<{ data: LicenseJson[]; has_more: boolean }>(
        'GET',
        `${path}/licenses`,
        {
          query: { limit: 100 },
        },
      );
      if (opts.json) return ctx.print(JSON.stringify({ ...customer, licenses: licenses.data }, null, 2));
      const records = customer.hubspot_records.map((r) => `${r.object_type} ${r.object_id}`).join(', ');
      ctx.print(
        [
          `customer ${customer.id}`,
          `  email     ${customer.email}`,
          `  name      ${customer.name ?? '-'} (${customer.customer_type ?? 'type undefined'})`,
          `  account   ${customer.account ? `${customer.account.name} (${customer.account.id})` : '-'}`,
          `  hubspot   ${records || '-'}`,
          `licenses (${licenses.data.length}${licenses.has_more ? '+' : ''}):`,
        ].join('\n'),
      );
      if (licenses.data.length > 0) ctx.print(formatLicenseTable(licenses.data));
    });
}

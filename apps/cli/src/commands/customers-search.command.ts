import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { type CustomerJson, formatCustomerTable } from '../customer-json';

/** `customers search <query>`: by email, name, company or domain, closest first. */
export function registerCustomersSearch(customers: Command, ctx: CliContext): void {
  customers
    .command('search <query>')
    .description('find customers by email, name, company or domain, closest first')
    .option('--limit <n>', 'at most this many (1-100)', '20')
    .option('--json', 'print the api response as JSON')
    .action(async (query: string, opts, command: Command) => {
      const body = await clientFor(command, ctx).call<{ data: CustomerJson[] }>('GET', '/api/v1/customers', {
        query: { query, limit: opts.limit },
      });
      if (opts.json) return ctx.print(JSON.stringify(body, null, 2));
      ctx.print(body.data.length === 0 ? 'no customers match' : formatCustomerTable(body.data));
    });
}

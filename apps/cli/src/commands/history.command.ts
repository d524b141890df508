import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { CliError, EXIT } from '../exit-codes';
import { formatTable } from '../format-table';
import { toHistoryQuery } from '../to-history-query';

interface HistoryJson {
  subjects: string[];
  data: { at: string; kind: string; outcome: string; message: string | null; error: string | null }[];
}

/** `history <ref>`: what happened to a customer, license, Stripe object or HubSpot record, newest first. */
export function registerHistory(program: Command, ctx: CliContext): void {
  program
    .command('history <ref>')
    .description(
      'history of an email, license key, license id, Stripe id (cus_…, sub_…) or HubSpot record id',
    )
    .option('--limit <n>', 'at most this many entries', '50')
    .option('--json', 'print as JSON')
    .action(async (ref: string, opts, command: Command) => {
      const query = toHistoryQuery(ref);
      if (!query) {
        throw new CliError(
          `cannot tell what "${ref}" is: give an email, a license key (XXXX-XXXX-…), a license id, a Stripe id (cus_…, sub_…) or a HubSpot record id`,
          EXIT.usage,
        );
      }
      const history = await clientFor(command, ctx).call<HistoryJson>('GET', '/api/v1/history', {
        query: { ...query, limit: opts.limit },
      });
      if (opts.json) return ctx.print(JSON.stringify(history, null, 2));
      if (history.data.length === 0) return ctx.print(`no history for ${ref}`);
      ctx.print(`history of ${history.subjects.join(', ')}`);
      ctx.print(
        formatTable(
          ['at', 'what', 'outcome', 'detail'],
          history.data.map((e) => [e.at, e.kind, e.outcome, e.error ?? e.message ?? '']),
        ),
      );
    });
}

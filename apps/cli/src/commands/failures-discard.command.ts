import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { addSelectionOptions, toSelection } from '../failure-options';

/** `failures discard --reason …`: archive failures that will not be replayed; the reason is kept. */
export function registerFailuresDiscard(failures: Command, ctx: CliContext): void {
  addSelectionOptions(failures.command('discard'))
    .description('archive final failures that should not be replayed')
    .requiredOption('--reason <text>', 'why (kept in the history)')
    .option('--json', 'print the result as JSON')
    .action(async (opts, command: Command) => {
      const result = await clientFor(command, ctx).call<{
        matched: number;
        discarded: number;
        skipped: number;
      }>('POST', '/api/v1/failures/discard', { body: { ...toSelection(opts), reason: opts.reason } });
      if (opts.json) return ctx.print(JSON.stringify(result, null, 2));
      ctx.print(`${result.matched} matched, ${result.discarded} discarded, ${result.skipped} skipped`);
    });
}

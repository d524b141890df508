import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import type { FailureJson } from '../failure-options';
import { formatTable, truncate } from '../format-table';

/** `failures list`: open failures (or another status) as a table, or JSON with `--json`. */
export function registerFailuresList(failures: Command, ctx: CliContext): void {
  failures
    .command('list')
    .description('list final job failures, newest first')
    .option('--queue <queue>', 'only this queue')
    .option('--event-type <type>', 'only this event type')
    .option('--error <text>', 'error contains this text (any case)')
    .option('--since <time>', 'recorded at or after (ISO 8601)')
    .option('--until <time>', 'recorded at or before (ISO 8601)')
    .option('--status <status>', 'failed, replayed, discarded, resolved or any', 'failed')
    .option('--limit <n>', 'at most this many (1-100)', '20')
    .option('--json', 'print the api response as JSON')
    .action(async (opts, command: Command) => {
      const body = await clientFor(command, ctx).call<{ data: FailureJson[]; has_more: boolean }>(
        'GET',
        '/api/v1/failures',
        {
          query: {
            queue: opts.queue,
            event_type: opts.eventType,
            error: opts.error,
            since: opts.since,
            until: opts.until,
            status: opts.status,
            limit: opts.limit,
          },
        },
      );
      if (opts.json) return ctx.print(JSON.stringify(body, null, 2));
      if (body.data.length === 0) return ctx.print('no failures match');
      const rows = body.data.map((f) => [
        String(f.id),
        f.status,
        f.queue,
        f.event_type ?? '-',
        String(f.attempts),
        f.created_at.replace(/\.\d+Z$/, 'Z'),
        truncate(f.last_error, 120),
      ]);
      ctx.print(
        formatTable(['ID', 'STATUS', 'QUEUE', 'EVENT TYPE', 'ATTEMPTS', 'CREATED', 'LAST ERROR'], rows),
      );
      if (body.has_more) ctx.print(`… more; narrow the filters or raise --limit`);
    });
}

import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { describeFailure, type FailureStory } from '../describe-failure';
import { CliError, EXIT } from '../exit-codes';

export interface FailureDetailsJson extends FailureStory {
  job_id: string;
  created_at: string;
  errors: { attempt: number; at: string | null; message: string }[];
  event: { status: string; round: number; payload: unknown } | null;
  job_payload: unknown;
  actions: { at: string; kind: string; outcome: string; message: string | null; reason: string | null }[];
}

/** `failures show <id>`: one failure with every attempt's error and the payload a replay would run. */
export function registerFailuresShow(failures: Command, ctx: CliContext): void {
  failures
    .command('show <id>')
    .description('show one failure: attempts, errors, payload, what was done about it')
    .option('--json', 'print the api response as JSON')
    .action(async (id: string, opts, command: Command) => {
      if (!/^\d+$/.test(id)) throw new CliError('<id> is a failure id (a positive integer)', EXIT.usage);
      const f = await clientFor(command, ctx).call<FailureDetailsJson>('GET', `/api/v1/failures/${id}`);
      if (opts.json) return ctx.print(JSON.stringify(f, null, 2));
      const lines = [
        `failure ${f.id} (${f.status})`,
        `  ${describeFailure(f)}`,
        `  queue     ${f.queue}  job ${f.job_id}`,
        `  event     ${f.event_id ?? '-'} ${f.event_type ?? ''}${f.event ? ` — now ${f.event.status}, round ${f.event.round}` : ''}`,
        `  recorded  ${f.created_at}  after ${f.attempts} attempt(s)`,
        'errors:',
        ...f.errors.map((e) => `  #${e.attempt}${e.at ? ` ${e.at}` : ''}  ${e.message}`),
      ];
      if (f.actions.length > 0) {
        lines.push(
          'actions:',
          ...f.actions.map((a) => `  ${a.at}  ${a.kind} ${a.outcome}  ${a.message ?? ''}`),
        );
      }
      lines.push('payload:', JSON.stringify(f.event?.payload ?? f.job_payload, null, 2));
      ctx.print(lines.join('\n'));
    });
}

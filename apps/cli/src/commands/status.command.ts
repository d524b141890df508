import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { CliError, EXIT } from '../exit-codes';
import { formatLiveness, type LivenessJson } from '../format-liveness';
import { formatTable } from '../format-table';

interface StatusJson extends LivenessJson {
  queues: Record<string, Record<string, number>> | null;
  inbox_pending: number;
  failures_open: number;
  outbox_pending: number;
}

/**
 * `status`: is the api ready (Postgres, Redis), does every queue have a worker, how long has the
 * oldest event waited, and what waits in the queues and tables. Exits 1 when not ready.
 */
export function registerStatus(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .description('readiness of api, Postgres, Redis and workers, queue counts and backlog')
    .option('--json', 'print as JSON')
    .action(async (opts, command: Command) => {
      const client = clientFor(command, ctx);
      const ready = await client.send('GET', '/readyz', { auth: false, timeoutMs: 10_000 });
      const readiness = (await ready.json().catch(() => ({}))) as { checks?: Record<string, boolean> };
      const status = await client.call<StatusJson>('GET', '/api/v1/status');
      const ok = ready.ok && status.workers_ready;
      if (opts.json) {
        ctx.print(
          JSON.stringify({ ok, url: client.url, checks: readiness.checks ?? {}, ...status }, null, 2),
        );
      } else {
        const checks = Object.entries(readiness.checks ?? {}).map(
          ([name, up]) => `${name} ${up ? 'ok' : 'DOWN'}`,
        );
        ctx.print(`api ${client.url} ${ok ? 'ready' : 'NOT READY'} · ${checks.join(' · ')}`);
        ctx.print(formatLiveness(status));
        const states = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'];
        ctx.print(
          status.queues
            ? formatTable(
                ['QUEUE', ...states.map((s) => s.toUpperCase())],
                Object.entries(status.queues).map(([name, c]) => [
                  name,
                  ...states.map((s) => String(c[s] ?? 0)),
                ]),
              )
            : 'queues: unavailable (Redis)',
        );
        ctx.print(
          `inbox pending ${status.inbox_pending} · failures open ${status.failures_open} · outbox pending ${status.outbox_pending}`,
        );
      }
      if (!ready.ok) throw new CliError('the api is not ready', EXIT.failed);
      if (!status.workers_ready) throw new CliError('no worker is consuming every queue', EXIT.failed);
    });
}

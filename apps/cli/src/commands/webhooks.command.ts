import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { formatTable, truncate } from '../format-table';

interface EndpointJson {
  id: string;
  url: string;
  event_types: string[];
  enabled: boolean;
  created_at: string;
  secret?: string;
}

interface DeliveryJson {
  id: number;
  event_id: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  at: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `webhooks list|create|delete|deliveries|replay`: outbound webhook endpoints and their log. */
export function registerWebhooks(group: Command, ctx: CliContext): void {
  group
    .command('list')
    .description('outbound webhook endpoints')
    .action(async (_opts, command: Command) => {
      const { data } = await clientFor(command, ctx).call<{ data: EndpointJson[] }>(
        'GET',
        '/api/v1/webhook_endpoints',
      );
      if (data.length === 0) return ctx.print('no webhook endpoints');
      ctx.print(
        formatTable(
          ['ID', 'URL', 'EVENT TYPES', 'ENABLED'],
          data.map((e) => [e.id, e.url, e.event_types.join(',') || '(all)', String(e.enabled)]),
        ),
      );
    });

  group
    .command('create <url>')
    .description('add an endpoint; its signing secret is printed once')
    .option('--event <type>', 'an event type to send (repeatable; default: every type)', collect, [])
    .action(async (url: string, opts: { event: string[] }, command: Command) => {
      const e = await clientFor(command, ctx).call<EndpointJson>('POST', '/api/v1/webhook_endpoints', {
        body: { url, event_types: opts.event },
      });
      ctx.print(
        `created endpoint ${e.id}; store the signing secret now, it is not shown again:\n${e.secret}`,
      );
    });

  group
    .command('delete <id>')
    .description('delete an endpoint and its delivery log')
    .action(async (id: string, _opts, command: Command) => {
      await clientFor(command, ctx).call('DELETE', `/api/v1/webhook_endpoints/${encodeURIComponent(id)}`);
      ctx.print(`deleted endpoint ${id}`);
    });

  group
    .command('deliveries <endpoint-id>')
    .description("an endpoint's delivery attempts, newest first")
    .action(async (id: string, _opts, command: Command) => {
      const { data } = await clientFor(command, ctx).call<{ data: DeliveryJson[] }>(
        'GET',
        `/api/v1/webhook_endpoints/${encodeURIComponent(id)}/deliveries`,
      );
      if (data.length === 0) return ctx.print('no deliveries yet');
      ctx.print(
        formatTable(
          ['ID', 'EVENT', 'ATTEMPT', 'STATUS', 'MS', 'AT', 'ERROR'],
          data.map((d) => [
            String(d.id),
            d.event_id,
            String(d.attempt),
            d.status_code === null ? '-' : String(d.status_code),
            String(d.duration_ms),
            d.at.replace(/\.\d+Z$/, 'Z'),
            truncate(d.error ?? '', 80),
          ]),
        ),
      );
    });

  group
    .command('replay <delivery-id>')
    .description("re-send a delivery's event (same event id) to its endpoint")
    .action(async (id: string, _opts, command: Command) => {
      const r = await clientFor(command, ctx).call<{ event_id: string; endpoint_id: string }>(
        'POST',
        `/api/v1/webhook_deliveries/${encodeURIComponent(id)}/replay`,
      );
      ctx.print(`replaying event ${r.event_id} to endpoint ${r.endpoint_id}`);
    });
}

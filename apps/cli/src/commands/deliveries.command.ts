import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { formatTable, truncate } from '../format-table';

interface LicenseDeliveryJson {
  id: string;
  recipient: string;
  license_ids: string[];
  reason: string;
  actor: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

const at = (iso: string | null) => (iso ? iso.replace(/\.\d+Z$/, 'Z') : '-');

const toRows = (data: LicenseDeliveryJson[]) =>
  formatTable(
    ['ID', 'TO', 'LICENSES', 'REASON', 'BY', 'STATUS', 'ATTEMPTS', 'SENT', 'ERROR'],
    data.map((d) => [
      d.id,
      d.recipient,
      String(d.license_ids.length),
      d.reason,
      d.actor,
      d.status,
      String(d.attempts),
      at(d.sent_at),
      truncate(d.last_error ?? '', 60),
    ]),
  );

/** `deliveries list|resend`: the mails that carry keys to customers, and sending them again. */
export function registerDeliveries(group: Command, ctx: CliContext): void {
  group
    .command('list')
    .description('delivery mails, newest first')
    .option('--license <id>', "only this license's mails")
    .option('--customer <id>', "only this customer's mails")
    .option('--json', 'print the api response as JSON')
    .action(async (opts: { license?: string; customer?: string; json?: boolean }, command: Command) => {
      const query = new URLSearchParams();
      if (opts.license) query.set('license_id', opts.license);
      if (opts.customer) query.set('customer_id', opts.customer);
      const suffix = query.size > 0 ? `?${query}` : '';
      const body = await clientFor(command, ctx).call<{ data: LicenseDeliveryJson[] }>(
        'GET',
        `/api/v1/deliveries${suffix}`,
      );
      if (opts.json) return ctx.print(JSON.stringify(body, null, 2));
      if (body.data.length === 0) return ctx.print('no delivery mails');
      ctx.print(toRows(body.data));
    });

  group
    .command('resend <license-id...>')
    .description("mail licenses' keys to their customer again (licenses of one customer)")
    .action(async (licenseIds: string[], _opts, command: Command) => {
      const { data } = await clientFor(command, ctx).call<{ data: LicenseDeliveryJson[] }>(
        'POST',
        '/api/v1/deliveries',
        { body: { license_ids: licenseIds } },
      );
      ctx.print(`queued ${data.length} mail(s): ${data.map((d) => `${d.recipient} (${d.id})`).join(', ')}`);
    });
}

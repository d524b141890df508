import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { CliError, EXIT } from '../exit-codes';
import { formatSettings, type SettingsJson } from '../settings-json';

/** `true`/`false` are booleans; anything else is sent as text and checked by the api. */
const toValue = (text: string) => (text === 'true' ? true : text === 'false' ? false : text);

/** `a=1 sync_toggles.invoices=false` → `{ a: '1', sync_toggles: { invoices: false } }`. */
export function toSettingsBody(pairs: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new CliError(`expected name=value, got "${pair}"`, EXIT.usage);
    const [name, sub] = pair.slice(0, at).split('.', 2) as [string, string | undefined];
    const value = toValue(pair.slice(at + 1));
    if (sub === undefined) body[name] = value;
    else body[name] = { ...(body[name] as Record<string, unknown> | undefined), [sub]: value };
  }
  return body;
}

/** `settings set name=value…`: changes settings; the api validates and records who did it. */
export function registerSettingsSet(settings: Command, ctx: CliContext): void {
  settings
    .command('set <name=value...>')
    .description(
      'change settings, e.g. disable_on_dispute=true resync_cron="0 4 * * *" sync_toggles.invoices=false',
    )
    .option('--json', 'print the api response as JSON')
    .action(async (pairs: string[], opts, command: Command) => {
      const body = await clientFor(command, ctx).call<{ settings: SettingsJson; changed: string[] }>(
        'PATCH',
        '/api/v1/settings',
        { body: toSettingsBody(pairs) },
      );
      if (opts.json) return ctx.print(JSON.stringify(body, null, 2));
      ctx.print(body.changed.length > 0 ? `changed ${body.changed.join(', ')}` : 'nothing changed');
      ctx.print(formatSettings(body.settings));
    });
}

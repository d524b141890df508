import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { CliError, EXIT } from '../exit-codes';
import { formatLicense, type LicenseJson } from '../license-json';
import { collectList, collectPair, defined, toCount } from '../parse-options';

interface EditJson {
  license: LicenseJson;
  changed: string[];
}

/** `--valid-until none` clears a date; any other value is sent as given. */
const dateOrNull = (value: string | undefined) => (value === 'none' ? null : value);

/**
 * `licenses update <id>`: the fields the license's type allows, then features and custom fields,
 * each through its own endpoint. Stops at the first refusal (exit 1 for a 422, 2 for a 400).
 */
export function registerLicensesUpdate(licenses: Command, ctx: CliContext): void {
  licenses
    .command('update <id>')
    .description('change a license: validity, activations, users, trial, features, custom fields')
    .option('--valid-until <time>', 'ISO 8601, or "none" (time-limited licenses)')
    .option('--maintenance-until <time>', 'ISO 8601, or "none"')
    .option('--max-activations <n>', 'machines')
    .option('--floating <n>', 'floating cloud users, or "none"')
    .option('--max-users <n>', 'users (user products)')
    .option('--trial', 'mark as a trial')
    .option('--no-trial', 'mark as not a trial')
    .option('--add-feature <code>', 'grant a feature (repeatable, or a,b)', collectList)
    .option('--remove-feature <code>', 'take a feature off (repeatable, or a,b)', collectList)
    .option('--custom-field <name=value>', 'set a custom field value (repeatable)', collectPair)
    .option('--json', 'print the license and what changed as JSON')
    .action(async (id: string, opts, command: Command) => {
      const client = clientFor(command, ctx);
      const base = `/api/v1/licenses/${encodeURIComponent(id)}`;
      const patch = defined({
        valid_until: dateOrNull(opts.validUntil),
        maintenance_until: dateOrNull(opts.maintenanceUntil),
        max_activations: toCount('--max-activations', opts.maxActivations),
        floating_cloud: opts.floating === 'none' ? null : toCount('--floating', opts.floating),
        max_license_users: toCount('--max-users', opts.maxUsers),
        // Only a flag the operator gave counts: absent means "leave it as it is".
        is_trial: command.getOptionValueSource('trial') === 'cli' ? opts.trial : undefined,
      });
      const steps: (() => Promise<EditJson>)[] = [];
      if (Object.keys(patch).length > 0) steps.push(() => client.call('PATCH', base, { body: patch }));
      for (const code of opts.addFeature ?? []) {
        steps.push(() => client.call('POST', `${base}/features`, { body: { code } }));
      }
      for (const code of opts.removeFeature ?? []) {
        steps.push(() => client.call('DELETE', `${base}/features/${encodeURIComponent(code)}`));
      }
      for (const [name, value] of Object.entries((opts.customField ?? {}) as Record<string, string>)) {
        steps.push(() =>
          client.call('PUT', `${base}/custom_fields/${encodeURIComponent(name)}`, { body: { value } }),
        );
      }
      if (steps.length === 0) throw new CliError('nothing to change: give at least one option', EXIT.usage);
      let last: EditJson | undefined;
      const changed: string[] = [];
      for (const step of steps) {
        last = await step();
        changed.push(...last.changed);
      }
      const unique = [...new Set(changed)];
      if (opts.json) return ctx.print(JSON.stringify({ license: last!.license, changed: unique }, null, 2));
      ctx.print(unique.length > 0 ? `changed ${unique.join(', ')}` : 'nothing changed');
      ctx.print(formatLicense(last!.license));
    });
}

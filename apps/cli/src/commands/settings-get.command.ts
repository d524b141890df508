import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { formatSettings, type SettingsJson } from '../settings-json';

/** `settings get`: every workspace setting in effect. */
export function registerSettingsGet(settings: Command, ctx: CliContext): void {
  settings
    .command('get')
    .description('show the workspace settings in effect')
    .option('--json', 'print the api response as JSON')
    .action(async (opts, command: Command) => {
      const body = await clientFor(command, ctx).call<SettingsJson>('GET', '/api/v1/settings');
      ctx.print(opts.json ? JSON.stringify(body, null, 2) : formatSettings(body));
    });
}

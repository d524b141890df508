import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { formatLicense, type LicenseJson } from '../license-json';

/** `licenses show <id>`: one license, field by field. */
export function registerLicensesShow(licenses: Command, ctx: CliContext): void {
  licenses
    .command('show <id>')
    .description('show one license')
    .option('--json', 'print the api response as JSON')
    .action(async (id: string, opts, command: Command) => {
      const license = await clientFor(command, ctx).call<LicenseJson>(
        'GET',
        `/api/v1/licenses/${encodeURIComponent(id)}`,
      );
      ctx.print(opts.json ? JSON.stringify(license, null, 2) : formatLicense(license));
    });
}

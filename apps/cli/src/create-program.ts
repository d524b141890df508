import { Command } from 'commander';
import cliPackage from '../package.json' with { type: 'json' };
import type { CliContext } from './cli-context';
import { registerCatalogImport } from './commands/catalog-import.command';
import { registerCustomersSearch } from './commands/customers-search.command';
import { registerCustomersShow } from './commands/customers-show.command';
import { registerDeliveries } from './commands/deliveries.command';
import { registerFailuresDiscard } from './commands/failures-discard.command';
import { registerFailuresList } from './commands/failures-list.command';
import { registerFailuresReplay } from './commands/failures-replay.command';
import { registerFailuresShow } from './commands/failures-show.command';
import { registerHistory } from './commands/history.command';
import { registerLicensesList } from './commands/licenses-list.command';
import { registerLicensesShow } from './commands/licenses-show.command';
import { registerLicensesUpdate } from './commands/licenses-update.command';
import { registerOperatorKeys } from './commands/operator-keys.command';
import { registerOrdersCreate } from './commands/orders-create.command';
import { registerResync } from './commands/resync.command';
import { registerSettingsGet } from './commands/settings-get.command';
import { registerSettingsSet } from './commands/settings-set.command';
import { registerStatus } from './commands/status.command';
import { registerWebhooks } from './commands/webhooks.command';
import { registerWorkspaces } from './commands/workspaces.command';

/**
 * The `licensync` command tree. Usage errors throw (exitOverride) instead of exiting, so
 * `main.ts` decides every exit code in one place.
 */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('licensync')
    .description(
      'operate licensync: orders, licenses, customers, settings, failures, replays, resyncs, history, status, catalog',
    )
    .version(cliPackage.version, '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError()
    .option('--url <url>', 'api base URL (env LICENSYNC_URL, default http://127.0.0.1:3000)')
    .option('--token <token>', 'admin token or operator key (env LICENSYNC_ADMIN_TOKEN or ADMIN_TOKEN)')
    .option(
      '--workspace <slug>',
      'workspace to act on (env LICENSYNC_WORKSPACE, default: the default workspace)',
    );

  const failures = program.command('failures').description('final job failures kept in Postgres');
  registerFailuresList(failures, ctx);
  registerFailuresShow(failures, ctx);
  registerFailuresReplay(failures, ctx);
  registerFailuresDiscard(failures, ctx);

  registerHistory(program, ctx);
  registerResync(program, ctx);
  registerStatus(program, ctx);

  const catalog = program.command('catalog').description('products, policies, features, custom fields');
  registerCatalogImport(catalog, ctx);

  const orders = program.command('orders').description('orders taken by hand');
  registerOrdersCreate(orders, ctx);

  const licenses = program.command('licenses').description('the license ledger');
  registerLicensesShow(licenses, ctx);
  registerLicensesList(licenses, ctx);
  registerLicensesUpdate(licenses, ctx);

  const customers = program.command('customers').description('customers and their licenses');
  registerCustomersSearch(customers, ctx);
  registerCustomersShow(customers, ctx);

  const settings = program.command('settings').description('workspace settings');
  registerSettingsGet(settings, ctx);
  registerSettingsSet(settings, ctx);
  const workspaces = program
    .command('workspaces')
    .description('workspaces, each with its own Stripe and HubSpot');
  registerWorkspaces(workspaces, ctx);
  const keys = program.command('keys').description('named operator API keys');
  registerOperatorKeys(keys, ctx);
  const webhooks = program.command('webhooks').description('outbound webhook endpoints and deliveries');
  registerWebhooks(webhooks, ctx);
  const deliveries = program.command('deliveries').description('mails that deliver keys to customers');
  registerDeliveries(deliveries, ctx);
  return program;
}

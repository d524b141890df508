import { Command } from 'commander';
import type { CliContext } from './cli-context';
import { registerCatalogImport } from './commands/catalog-import.command';
import { registerFailuresDiscard } from './commands/failures-discard.command';
import { registerFailuresList } from './commands/failures-list.command';
import { registerFailuresReplay } from './commands/failures-replay.command';
import { registerFailuresShow } from './commands/failures-show.command';
import { registerOperatorKeys } from './commands/operator-keys.command';
import { registerResync } from './commands/resync.command';
import { registerStatus } from './commands/status.command';
import { registerWorkspaces } from './commands/workspaces.command';

/**
 * The `licensync` command tree. Usage errors throw (exitOverride) instead of exiting, so
 * `main.ts` decides every exit code in one place.
 */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('licensync')
    .description('operate licensync: failures, replays, resyncs, status, catalog')
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

  registerResync(program, ctx);
  registerStatus(program, ctx);

  const catalog = program.command('catalog').description('products, policies, features, custom fields');
  registerCatalogImport(catalog, ctx);
  const workspaces = program
    .command('workspaces')
    .description('workspaces, each with its own Stripe and HubSpot');
  registerWorkspaces(workspaces, ctx);
  const keys = program.command('keys').description('named operator API keys');
  registerOperatorKeys(keys, ctx);
  return program;
}

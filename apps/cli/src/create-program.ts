import { Command } from 'commander';
import cliPackage from '../package.json' with { type: 'json' };
import type { CliContext } from './cli-context';
import { registerCatalogImport } from './commands/catalog-import.command';
import { registerFailuresDiscard } from './commands/failures-discard.command';
import { registerFailuresList } from './commands/failures-list.command';
import { registerFailuresReplay } from './commands/failures-replay.command';
import { registerFailuresShow } from './commands/failures-show.command';
import { registerHistory } from './commands/history.command';
import { registerResync } from './commands/resync.command';
import { registerStatus } from './commands/status.command';

/**
 * The `licensync` command tree. Usage errors throw (exitOverride) instead of exiting, so
 * `main.ts` decides every exit code in one place.
 */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('licensync')
    .description('operate licensync: failures, replays, resyncs, history, status, catalog')
    .version(cliPackage.version, '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError()
    .option('--url <url>', 'api base URL (env LICENSYNC_URL, default http://127.0.0.1:3000)')
    .option('--token <token>', 'admin token (env LICENSYNC_ADMIN_TOKEN or ADMIN_TOKEN)');

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
  return program;
}

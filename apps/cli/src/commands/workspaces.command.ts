import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { formatTable } from '../format-table';

interface WorkspaceJson {
  slug: string;
  name: string;
  webhook_url: string;
  created_at: string;
}

/** `workspaces list` and `workspaces create <slug> --name <name>`. */
export function registerWorkspaces(group: Command, ctx: CliContext): void {
  group
    .command('list')
    .description('every workspace with its webhook URL')
    .option('--json', 'print as JSON')
    .action(async (opts, command: Command) => {
      const { data } = await clientFor(command, ctx).call<{ data: WorkspaceJson[] }>(
        'GET',
        '/api/v1/workspaces',
      );
      if (opts.json) return ctx.print(JSON.stringify(data, null, 2));
      ctx.print(
        formatTable(
          ['SLUG', 'NAME', 'WEBHOOK URL'],
          data.map((w) => [w.slug, w.name, w.webhook_url]),
        ),
      );
    });

  group
    .command('create <slug>')
    .description('create a workspace; point its Stripe webhook at the URL printed')
    .requiredOption('--name <name>', 'display name')
    .action(async (slug: string, opts: { name: string }, command: Command) => {
      const w = await clientFor(command, ctx).call<WorkspaceJson>('POST', '/api/v1/workspaces', {
        body: { slug, name: opts.name },
      });
      ctx.print(`created workspace ${w.slug} · webhook URL ${w.webhook_url}`);
    });
}

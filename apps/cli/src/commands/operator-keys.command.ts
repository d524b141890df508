import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { CliError, EXIT } from '../exit-codes';
import { formatTable } from '../format-table';

interface KeyJson {
  name: string;
  scope: string;
  key_prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  key?: string;
}

/** `keys create <name> --scope read|admin`, `keys list`, `keys revoke <name>`. */
export function registerOperatorKeys(group: Command, ctx: CliContext): void {
  group
    .command('create <name>')
    .description('create a named key; it is printed once and stored only hashed')
    .option('--scope <scope>', 'read (GET only) or admin', 'read')
    .action(async (name: string, opts: { scope: string }, command: Command) => {
      if (!['read', 'admin'].includes(opts.scope)) throw new CliError('--scope is read or admin', EXIT.usage);
      const key = await clientFor(command, ctx).call<KeyJson>('POST', '/api/v1/operator_keys', {
        body: { name, scope: opts.scope },
      });
      ctx.print(`created ${key.scope} key ${key.name}; store it now, it is not shown again:\n${key.key}`);
    });

  group
    .command('list')
    .description('every key, live and revoked')
    .action(async (_opts, command: Command) => {
      const { data } = await clientFor(command, ctx).call<{ data: KeyJson[] }>(
        'GET',
        '/api/v1/operator_keys',
      );
      ctx.print(
        formatTable(
          ['NAME', 'SCOPE', 'PREFIX', 'LAST USED', 'REVOKED'],
          data.map((k) => [k.name, k.scope, k.key_prefix, k.last_used_at ?? '-', k.revoked_at ?? '-']),
        ),
      );
    });

  group
    .command('revoke <name>')
    .description('revoke a key at once')
    .action(async (name: string, _opts, command: Command) => {
      await clientFor(command, ctx).call('POST', `/api/v1/operator_keys/${encodeURIComponent(name)}/revoke`);
      ctx.print(`revoked key ${name}`);
    });
}

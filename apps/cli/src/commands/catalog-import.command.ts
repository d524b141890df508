import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { type CliContext, clientFor } from '../cli-context';
import { CliError, EXIT } from '../exit-codes';

type Counts = Record<'products' | 'policies' | 'features' | 'custom_fields', number>;

/** `catalog import FILE`: sends a YAML or JSON catalog to the api, which applies it idempotently. */
export function registerCatalogImport(catalog: Command, ctx: CliContext): void {
  catalog
    .command('import <file>')
    .description('import a catalog file (.yaml, .yml or .json)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts, command: Command) => {
      const full = path.resolve(ctx.cwd, file);
      const text = await readFile(full, 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw new CliError(`cannot read ${file}: ${err.code ?? err.message}`, EXIT.usage);
      });
      const isJson = path.extname(full).toLowerCase() === '.json';
      const result = await clientFor(command, ctx).call<{ created: Counts; updated: Counts }>(
        'POST',
        '/api/v1/catalog/import',
        { body: text, contentType: isJson ? 'application/json' : 'text/yaml' },
      );
      if (opts.json) return ctx.print(JSON.stringify(result, null, 2));
      const show = (c: Counts) =>
        `${c.products} products, ${c.policies} policies, ${c.features} features, ${c.custom_fields} custom fields`;
      ctx.print(`created ${show(result.created)}\nupdated ${show(result.updated)}`);
    });
}

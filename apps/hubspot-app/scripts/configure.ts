import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { configureProject } from './configure-project';

// `pnpm hubspot-app:configure --public-url https://licensync.example.com`, before `hs project upload`.
// Options: --draft (leave the workflow action unpublished), --support-email, --support-url, --docs-url.
const usage =
  'Usage: pnpm hubspot-app:configure --public-url https://licensync.example.com [--draft] [--support-email a@b.c] [--support-url https://…] [--docs-url https://…]';
const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    'public-url': { type: 'string' },
    draft: { type: 'boolean', default: false },
    'support-email': { type: 'string' },
    'support-url': { type: 'string' },
    'docs-url': { type: 'string' },
  },
});
const publicUrl = values['public-url'] ?? process.env.PUBLIC_URL;
if (!publicUrl) {
  console.error(usage);
  console.error('(or set PUBLIC_URL, the same value the backend runs with)');
  process.exit(2);
}
try {
  const result = configureProject({
    projectDir,
    repoRoot: join(projectDir, '..', '..'),
    publicUrl,
    draft: values.draft,
    support: {
      email: values['support-email'],
      url: values['support-url'],
      documentationUrl: values['docs-url'],
    },
  });
  console.log(
    `HubSpot project now points at ${result.publicUrl} (workflow action from ${result.actionFrom}):`,
  );
  for (const file of result.written) console.log(`  apps/hubspot-app/${file}`);
  console.log('Next: cd apps/hubspot-app && hs project upload');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

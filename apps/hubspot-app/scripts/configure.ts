import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { configureProject } from './configure-project';

// `pnpm hubspot-app:configure --public-url https://licensync.example.com [--draft]`, before `hs project upload`.
const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { 'public-url': { type: 'string' }, draft: { type: 'boolean', default: false } },
});
const publicUrl = values['public-url'] ?? process.env.PUBLIC_URL;
if (!publicUrl) {
  console.error('Usage: pnpm hubspot-app:configure --public-url https://licensync.example.com [--draft]');
  console.error('(or set PUBLIC_URL, the same value the backend runs with)');
  process.exit(2);
}
try {
  const result = configureProject({
    projectDir,
    repoRoot: join(projectDir, '..', '..'),
    publicUrl,
    draft: values.draft,
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

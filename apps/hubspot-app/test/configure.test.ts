import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { HUBSPOT_SCOPES } from '@licensync/core/connections';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API_ACTION_DEFINITION,
  BACKEND_PATHS,
  configureProject,
  normalisePublicUrl,
  PROJECT_FILES,
} from '../scripts/configure-project';

const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(projectDir, '..', '..');
const PLACEHOLDER = 'https://licensync.example.com';

let copy: string;
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hs-configure-'));
  copy = join(root, 'apps', 'hubspot-app');
  cpSync(join(projectDir, 'src'), join(copy, 'src'), {
    recursive: true,
    filter: (p) => !p.includes('node_modules'),
  });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const json = (dir: string, file: string) => JSON.parse(read(dir, file));
const allFiles = (dir: string) =>
  Object.values(PROJECT_FILES)
    .map((f) => read(dir, f))
    .join('\n');

describe('pnpm hubspot-app:configure', () => {
  it('writes the public URL into the redirect URL, permitted fetch URLs, cards, workflow action and webhook target', () => {
    configureProject({ projectDir: copy, repoRoot: root, publicUrl: 'https://licenses.acme.io/ls/' });
    const base = 'https://licenses.acme.io/ls';
    const app = json(copy, PROJECT_FILES.app);
    expect(app.config.auth.redirectUrls).toEqual([`${base}/connections/hubspot/callback`]);
    expect(app.config.permittedUrls.fetch).toEqual([base]);
    const action = json(copy, PROJECT_FILES.workflowAction);
    expect(action.config.actionUrl).toBe(`${base}/hubspot/workflow/create-license`);
    expect(action.config.isPublished).toBe(true);
    const options = action.config.inputFields
      .filter((f: { typeDefinition: { optionsUrl?: string } }) => f.typeDefinition.optionsUrl)
      .map((f: { typeDefinition: { name: string; optionsUrl: string } }) => [
        f.typeDefinition.name,
        f.typeDefinition.optionsUrl,
      ]);
    expect(options).toEqual([
      ['product', `${base}/hubspot/workflow/options/products`],
      ['policy', `${base}/hubspot/workflow/options/policies`],
    ]);
    expect(json(copy, PROJECT_FILES.webhooks).config.settings.targetUrl).toBe(`${base}/hubspot/webhooks`);
    expect(read(copy, PROJECT_FILES.backendUrl)).toContain(`export const BACKEND_URL = '${base}';`);
    // Nothing of the previous backend URL is left anywhere.
    expect(allFiles(copy)).not.toMatch(/licensync\.example\.com(\/hubspot|\/connections|['"])/);
  });

  it('sets the vendor’s support contact when given', () => {
    configureProject({
      projectDir: copy,
      repoRoot: root,
      publicUrl: 'https://licenses.acme.io',
      support: {
        email: 'help@acme.io',
        url: 'https://acme.io/help',
        documentationUrl: 'https://acme.io/docs/licenses',
      },
    });
    expect(json(copy, PROJECT_FILES.app).config.support).toEqual({
      supportEmail: 'help@acme.io',
      supportUrl: 'https://acme.io/help',
      documentationUrl: 'https://acme.io/docs/licenses',
    });
  });

  it('gives the same bytes when run twice, and another URL replaces the first everywhere', () => {
    configureProject({ projectDir: copy, repoRoot: root, publicUrl: 'https://a.example.org' });
    const first = allFiles(copy);
    configureProject({ projectDir: copy, repoRoot: root, publicUrl: 'https://a.example.org' });
    expect(allFiles(copy)).toBe(first);
    configureProject({ projectDir: copy, repoRoot: root, publicUrl: 'https://b.example.org' });
    expect(allFiles(copy)).not.toContain('a.example.org');
    // redirect, fetch, action, two option fetches, webhook target, cards' backend URL
    expect(allFiles(copy).split('https://b.example.org').length - 1).toBe(7);
  });

  it('the committed project is exactly what the command writes for the placeholder URL (nothing hand-edited)', () => {
    configureProject({ projectDir: copy, repoRoot: root, publicUrl: PLACEHOLDER });
    for (const file of Object.values(PROJECT_FILES))
      expect(read(copy, file), file).toBe(read(projectDir, file));
  });

  it('takes the workflow action from the backend’s own definition when the repository has it', () => {
    mkdirSync(join(root, dirname(API_ACTION_DEFINITION)), { recursive: true });
    const definition = json(copy, PROJECT_FILES.workflowAction);
    definition.config.labels.en.actionName = 'Create License (from the api)';
    definition.config.isPublished = false;
    writeFileSync(join(root, API_ACTION_DEFINITION), JSON.stringify(definition));
    const result = configureProject({
      projectDir: copy,
      repoRoot: root,
      publicUrl: 'https://x.example.org',
      draft: true,
    });
    expect(result.actionFrom).toBe(API_ACTION_DEFINITION);
    const action = json(copy, PROJECT_FILES.workflowAction);
    expect(action.config.labels.en.actionName).toBe('Create License (from the api)');
    expect(action.config.isPublished).toBe(false);
    expect(action.config.actionUrl).toBe('https://x.example.org/hubspot/workflow/create-license');
  });

  it('refuses an option field it has no backend path for, instead of leaving a stale URL', () => {
    const file = join(copy, PROJECT_FILES.workflowAction);
    const action = JSON.parse(readFileSync(file, 'utf8'));
    action.config.inputFields.push({ typeDefinition: { name: 'region', optionsUrl: 'https://old/x' } });
    writeFileSync(file, JSON.stringify(action));
    expect(() =>
      configureProject({ projectDir: copy, repoRoot: root, publicUrl: 'https://x.example.org' }),
    ).toThrow('the workflow action\'s field "region" fetches options, but no backend path is known for it');
  });

  it.each([
    ['http://licensync.example.com', 'must use https'],
    ['https://localhost:3000', 'cannot be localhost'],
    ['https://x.example.org/?a=1', 'must not carry a query'],
    ['licensync.example.com', 'must be a URL'],
  ])('refuses %s', (url, message) => {
    expect(() => normalisePublicUrl(url)).toThrow(message);
  });

  it('asks HubSpot for the scopes the backend’s OAuth install requests', () => {
    expect(json(projectDir, PROJECT_FILES.app).config.auth.requiredScopes).toEqual([...HUBSPOT_SCOPES]);
    expect(BACKEND_PATHS.oauthCallback).toBe('/connections/hubspot/callback');
    expect(readFileSync(join(repoRoot, 'apps/api/src/routes/hubspot-oauth.route.ts'), 'utf8')).toContain(
      `/connections/hubspot/callback`,
    );
  });

  it('runs from the root as `pnpm hubspot-app:configure` (placeholder URL: the project is unchanged)', async () => {
    const before = allFiles(projectDir);
    const run = promisify(execFile);
    const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
    const { stdout } = await run(tsx, [
      join(projectDir, 'scripts', 'configure.ts'),
      '--public-url',
      PLACEHOLDER,
    ]);
    expect(stdout).toContain(`HubSpot project now points at ${PLACEHOLDER}`);
    expect(allFiles(projectDir)).toBe(before);
    await expect(
      run(tsx, [join(projectDir, 'scripts', 'configure.ts'), '--public-url', 'http://nope']),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('must use https'),
    });
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.scripts['hubspot-app:configure']).toBe('tsx apps/hubspot-app/scripts/configure.ts');
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the backend answers HubSpot, relative to its public URL. The api's routes are the truth:
 * the OAuth callback (apps/api/src/routes/hubspot-oauth.route.ts), the workflow action and its option
 * fetches (apps/api/src/hubspot/workflow/), the webhook receiver.
 */
export const BACKEND_PATHS = {
  oauthCallback: '/connections/hubspot/callback',
  workflowAction: '/hubspot/workflow/create-license',
  workflowOptions: {
    product: '/hubspot/workflow/options/products',
    policy: '/hubspot/workflow/options/policies',
  } as Record<string, string>,
  webhooks: '/hubspot/webhooks',
} as const;

export const PROJECT_FILES = {
  app: 'src/app/app-hsmeta.json',
  workflowAction: 'src/app/workflow-actions/create-license-hsmeta.json',
  webhooks: 'src/app/webhooks/webhooks-hsmeta.json',
  backendUrl: 'src/app/cards/lib/backend-url.generated.ts',
} as const;

/** The backend's own definition of the action (hs-workflow's), copied into the project when present. */
export const API_ACTION_DEFINITION = 'apps/api/src/hubspot/workflow/create-license-action.json';

export interface ConfigureOptions {
  /** apps/hubspot-app */
  projectDir: string;
  /** The repository root, where the api's action definition is looked for. */
  repoRoot: string;
  publicUrl: string;
  /** Leaves the workflow action unpublished (only the developer account sees it). */
  draft?: boolean;
  /** The vendor's support contact shown to installing portals (kept as committed when absent). */
  support?: { email?: string; url?: string; documentationUrl?: string };
}

/** HubSpot calls only HTTPS URLs that are not localhost; the URL is the origin plus an optional path. */
export function normalisePublicUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new Error(`--public-url must be a URL such as https://licensync.example.com, not "${input}"`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`--public-url must use https (HubSpot calls only HTTPS URLs): ${input}`);
  if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
    throw new Error(
      '--public-url cannot be localhost: HubSpot calls it from the internet (use a tunnel for local work)',
    );
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`--public-url must not carry a query, fragment or credentials: ${input}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const writeJson = (path: string, value: unknown) =>
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

interface ActionMeta {
  config: {
    actionUrl: string;
    isPublished: boolean;
    inputFields: Array<{ typeDefinition: { name: string; optionsUrl?: string } }>;
  };
}

/** Points the action and its option fetches at the backend; each options field must have a known path. */
export function configureAction(meta: ActionMeta, base: string, draft = false): ActionMeta {
  meta.config.actionUrl = `${base}${BACKEND_PATHS.workflowAction}`;
  meta.config.isPublished = !draft;
  for (const field of meta.config.inputFields) {
    const def = field.typeDefinition;
    if (def.optionsUrl === undefined) continue;
    const path = BACKEND_PATHS.workflowOptions[def.name];
    if (!path)
      throw new Error(
        `the workflow action's field "${def.name}" fetches options, but no backend path is known for it`,
      );
    def.optionsUrl = `${base}${path}`;
  }
  return meta;
}

/**
 * Writes the backend's public URL everywhere the project names it: the OAuth redirect URL, the URLs the
 * cards may fetch, the cards' backend URL, the workflow action's URLs and the webhook target. Every
 * value is set from BACKEND_PATHS, so running it again (or with another URL) gives the same result.
 */
export function configureProject(options: ConfigureOptions): {
  publicUrl: string;
  written: string[];
  actionFrom: string;
} {
  const base = normalisePublicUrl(options.publicUrl);
  const file = (name: keyof typeof PROJECT_FILES) => join(options.projectDir, PROJECT_FILES[name]);

  const app = readJson(file('app'));
  app.config.auth.redirectUrls = [`${base}${BACKEND_PATHS.oauthCallback}`];
  app.config.permittedUrls.fetch = [base];
  const { email, url, documentationUrl } = options.support ?? {};
  if (email) app.config.support.supportEmail = email;
  if (url) app.config.support.supportUrl = normalisePublicUrl(url);
  if (documentationUrl) app.config.support.documentationUrl = normalisePublicUrl(documentationUrl);
  writeJson(file('app'), app);

  const apiDefinition = join(options.repoRoot, API_ACTION_DEFINITION);
  const actionFrom = existsSync(apiDefinition) ? API_ACTION_DEFINITION : PROJECT_FILES.workflowAction;
  const action = readJson(existsSync(apiDefinition) ? apiDefinition : file('workflowAction'));
  writeJson(file('workflowAction'), configureAction(action, base, options.draft));

  const webhooks = readJson(file('webhooks'));
  webhooks.config.settings.targetUrl = `${base}${BACKEND_PATHS.webhooks}`;
  writeJson(file('webhooks'), webhooks);

  writeFileSync(
    file('backendUrl'),
    `// Written by \`pnpm hubspot-app:configure --public-url <url>\`; do not edit by hand.\nexport const BACKEND_URL = '${base.replace(/['\\]/g, '\\$&')}';\n`,
  );
  return { publicUrl: base, written: Object.values(PROJECT_FILES), actionFrom };
}

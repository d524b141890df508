import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROJECT_SCHEMAS } from './support/project-schemas';

const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const hsproject = JSON.parse(readFileSync(join(projectDir, 'hsproject.json'), 'utf8'));

// The parser fetches its per-component schemas through local-dev-lib's `http`; the same module it
// imports is loaded here so the fetch can be answered offline.
async function parserHttp(): Promise<{ get: (...args: unknown[]) => Promise<unknown> }> {
  const parsingLib = createRequire(import.meta.url).resolve('@hubspot/project-parsing-lib/translate');
  const httpFile = join(dirname(parsingLib), '..', '..', '..', 'local-dev-lib', 'http', 'index.js');
  return (await import(pathToFileURL(httpFile).href)).http;
}

let schemaRequests: unknown[] = [];
beforeEach(async () => {
  schemaRequests = [];
  const http = await parserHttp();
  vi.spyOn(http, 'get').mockImplementation(async (...args: unknown[]) => {
    schemaRequests.push(args[1]);
    return { data: PROJECT_SCHEMAS };
  });
});
afterEach(() => vi.restoreAllMocks());

const parse = (sourceDir: string) =>
  translate({ projectSourceDir: sourceDir, platformVersion: hsproject.platformVersion, accountId: 1 });

/** What the parser says about a project it refuses (its TranslationError lists each file's problems). */
async function refusal(sourceDir: string): Promise<string> {
  try {
    await parse(sourceDir);
  } catch (error) {
    return String(error);
  }
  throw new Error('the parser accepted the project');
}

describe('the HubSpot project', () => {
  it('parses and validates with HubSpot’s own parser, offline', async () => {
    const { intermediateRepresentation, skippedHsMetaFiles } = await parse(
      join(projectDir, hsproject.srcDir),
    );
    expect(schemaRequests).toEqual([
      { url: `project-components-external/project-schemas/v3/${hsproject.platformVersion}` },
    ]);
    expect(skippedHsMetaFiles).toEqual([]);
    const nodes = intermediateRepresentation.intermediateNodesIndexedByUid;
    expect(Object.fromEntries(Object.values(nodes).map((n) => [n.uid, n.componentType]))).toEqual({
      licensync_app: 'APPLICATION',
      licensync_licenses_sidebar: 'CARD',
      licensync_licenses_table: 'CARD',
      licensync_deal_contact_licenses: 'CARD',
      licensync_deal_company_licenses: 'CARD',
      licensync_create_license: 'WORKFLOW_ACTION',
      licensync_webhooks: 'WEBHOOKS',
    });
    // Every feature hangs off the app.
    for (const node of Object.values(nodes)) {
      if (node.componentType !== 'APPLICATION')
        expect(node.componentDeps.app, node.uid).toBe('licensync_app');
    }
  });

  it('is on a platform version the parser knows, with the custom-object scopes', async () => {
    expect(hsproject.platformVersion).toBe('2026.03');
    const { intermediateRepresentation } = await parse(join(projectDir, hsproject.srcDir));
    const app = intermediateRepresentation.intermediateNodesIndexedByUid.licensync_app?.config as {
      auth: { requiredScopes: string[] };
    };
    expect(app.auth.requiredScopes).toEqual(
      expect.arrayContaining([
        'crm.schemas.custom.write',
        'crm.objects.custom.read',
        'crm.objects.custom.write',
      ]),
    );
  });

  it('every card’s entrypoint exists and covers contacts, companies and deals', async () => {
    const { intermediateRepresentation } = await parse(join(projectDir, hsproject.srcDir));
    const cards = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid).filter(
      (n) => n.componentType === 'CARD',
    );
    const objectTypes = new Set<string>();
    for (const card of cards) {
      const config = card.config as { entrypoint: string; objectTypes: string[] };
      expect(existsSync(join(projectDir, hsproject.srcDir, config.entrypoint)), config.entrypoint).toBe(true);
      for (const t of config.objectTypes) objectTypes.add(t);
    }
    expect([...objectTypes].sort()).toEqual(['companies', 'contacts', 'deals']);
  });

  it('subscribes to the webhooks the backend acts on (a deleted record loses its connection)', () => {
    const meta = JSON.parse(readFileSync(join(projectDir, 'src/app/webhooks/webhooks-hsmeta.json'), 'utf8'));
    const types = [...meta.config.subscriptions.legacyCrmObjects, ...meta.config.subscriptions.hubEvents].map(
      (s: { subscriptionType: string; active: boolean }) => [s.subscriptionType, s.active],
    );
    expect(types).toEqual([
      ['contact.deletion', true],
      ['company.deletion', true],
      ['contact.privacyDeletion', true],
    ]);
  });

  describe('the parser refuses a broken project', () => {
    let copy: string;
    beforeEach(() => {
      copy = mkdtempSync(join(tmpdir(), 'hs-project-'));
      cpSync(join(projectDir, hsproject.srcDir), copy, {
        recursive: true,
        filter: (p) => !p.includes('node_modules'),
      });
    });
    afterEach(() => rmSync(copy, { recursive: true, force: true }));

    it('a card in the wrong folder', async () => {
      renameSync(
        join(copy, 'app/cards/deal-company-licenses-hsmeta.json'),
        join(copy, 'app/webhooks/card-hsmeta.json'),
      );
      expect(await refusal(copy)).toContain("The directory 'app/webhooks' is incorrect for type 'card'");
    });

    it('a card with an unknown location', async () => {
      const file = join(copy, 'app/cards/licenses-table-hsmeta.json');
      const meta = JSON.parse(readFileSync(file, 'utf8'));
      meta.config.location = 'crm.record.middle';
      writeFileSync(file, JSON.stringify(meta));
      expect(await refusal(copy)).toContain('config.location: must be equal to one of the allowed values');
    });

    it('a webhook target that is not HTTPS', async () => {
      const file = join(copy, 'app/webhooks/webhooks-hsmeta.json');
      const meta = JSON.parse(readFileSync(file, 'utf8'));
      meta.config.settings.targetUrl = 'http://localhost:3000/hubspot/webhooks';
      writeFileSync(file, JSON.stringify(meta));
      expect(await refusal(copy)).toContain('config.settings.targetUrl: must match pattern');
    });

    it('two components with one uid', async () => {
      const file = join(copy, 'app/cards/licenses-table-hsmeta.json');
      const meta = JSON.parse(readFileSync(file, 'utf8'));
      meta.uid = 'licensync_licenses_sidebar';
      writeFileSync(file, JSON.stringify(meta));
      expect(await refusal(copy)).toContain("Duplicate uid 'licensync_licenses_sidebar'");
    });
  });
});

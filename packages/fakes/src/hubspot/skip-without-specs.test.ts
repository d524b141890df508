import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadHubspotContract } from './openapi-contract';
import { skipWithoutSpecs } from './skip-without-specs';

const emptyDir = mkdtempSync(path.join(tmpdir(), 'no-hubspot-specs-'));
afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));
const missing = loadHubspotContract(emptyDir);

describe('skipWithoutSpecs', () => {
  it('runs the check when the specs are there, in CI or not', () => {
    const present = { specsPresent: true, specsDir: '/specs' };
    expect(skipWithoutSpecs(present, 'contract test', {})).toBe(false);
    expect(skipWithoutSpecs(present, 'contract test', { CI: 'true' })).toBe(false);
  });

  it.each([{}, { CI: '' }, { CI: 'false' }, { CI: '0' }])(
    'skips with a warning naming the folder outside CI (%o)',
    (env) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      try {
        expect(missing.specsPresent).toBe(false);
        expect(skipWithoutSpecs(missing, 'contract test', env)).toBe(true);
        expect(warn).toHaveBeenCalledWith(`contract test skipped: no HubSpot OpenAPI specs in ${emptyDir}`);
      } finally {
        warn.mockRestore();
      }
    },
  );

  it.each(['true', '1', 'github-actions'])('throws in CI (CI=%s) instead of skipping', (ci) => {
    expect(() => skipWithoutSpecs(missing, 'contract test', { CI: ci })).toThrow(
      `contract test cannot run: no HubSpot OpenAPI specs in ${emptyDir}, and CI does not skip it`,
    );
  });
});

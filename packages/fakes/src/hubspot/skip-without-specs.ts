import type { HubspotContract } from './openapi-contract';

/** `CI=false` and `CI=0` are how a developer says "not CI"; any other value is a CI run. */
const isCi = (env: NodeJS.ProcessEnv) => !['', 'false', '0'].includes((env.CI ?? '').trim().toLowerCase());

/**
 * Whether a contract test must skip because HubSpot's OpenAPI specs are missing. A local clone
 * without `../shared/reference` skips with a warning; with `CI` set the missing specs throw, so a
 * CI checkout that lost them fails instead of going green without checking anything.
 */
export function skipWithoutSpecs(
  contract: Pick<HubspotContract, 'specsPresent' | 'specsDir'>,
  what: string,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (contract.specsPresent) return false;
  const missing = `no HubSpot OpenAPI specs in ${contract.specsDir}`;
  if (isCi(env)) throw new Error(`${what} cannot run: ${missing}, and CI does not skip it`);
  console.warn(`${what} skipped: ${missing}`);
  return true;
}

import type { DbOrTx } from '../db/client';
import { recordActivity } from '../history/record-activity';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';
import type { License } from './create-licenses';

/**
 * The two things every hand edit of a license does in its transaction: tell HubSpot (a live
 * intent, ahead of any backlog) and write the history with who did it.
 */
export async function recordLicenseChange(
  tx: DbOrTx,
  input: { license: License; kind: string; message: string; actor: string; detail: Record<string, unknown> },
): Promise<void> {
  const { license } = input;
  await enqueueSyncIntent(tx, license.workspaceId, 'license', [license.id]);
  await recordActivity(tx, {
    workspaceId: license.workspaceId,
    kind: input.kind,
    subjects: [`license:${license.id}`, ...(license.licenseKey ? [`license_key:${license.licenseKey}`] : [])],
    outcome: 'ok',
    message: `${input.message} by ${input.actor}`,
    detail: { actor: input.actor, ...input.detail },
  });
}

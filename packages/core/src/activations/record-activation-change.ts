import type { DbOrTx } from '../db/client';
import { recordActivity } from '../history/record-activity';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';

/**
 * What every change of a license's seats does in its transaction: the HubSpot record learns the
 * new activation count (one coalesced intent per license) and the history gets the entry.
 */
export async function recordActivationChange(
  tx: DbOrTx,
  input: {
    workspaceId: string;
    licenseId: string;
    licenseKey: string | null;
    kind: 'license.activated' | 'license.deactivated';
    hardwareId: string;
    actor: string;
    message: string;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await enqueueSyncIntent(tx, input.workspaceId, 'license', [input.licenseId]);
  await recordActivity(tx, {
    workspaceId: input.workspaceId,
    kind: input.kind,
    subjects: [
      `license:${input.licenseId}`,
      ...(input.licenseKey ? [`license_key:${input.licenseKey}`] : []),
      `hardware:${input.hardwareId}`,
    ],
    outcome: 'ok',
    message: `${input.message} by ${input.actor}`,
    detail: { actor: input.actor, hardware_id: input.hardwareId, ...input.detail },
  });
}

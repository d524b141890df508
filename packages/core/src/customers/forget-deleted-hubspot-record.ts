import type { Db } from '../db/client';
import { recordActivity } from '../history/record-activity';
import { deleteRecordLink, type HubspotRecordType } from './hubspot-record-links';

/**
 * A contact or company deleted (or erased for privacy) in HubSpot: its connection to our customer
 * or account goes, so the card no longer shows it connected and nothing is associated with a
 * record that is gone. Our customer and its licenses stay. Idempotent: a redelivered event finds
 * no link and records nothing. Returns whether a link was dropped.
 */
export async function forgetDeletedHubspotRecord(options: {
  db: Db;
  workspaceId: string;
  type: HubspotRecordType;
  objectId: string;
  /** The webhook's subscription type, for the history. */
  reason: string;
}): Promise<boolean> {
  const { db, workspaceId, type, objectId } = options;
  return db.transaction(async (tx) => {
    const dropped = await deleteRecordLink(tx, workspaceId, type, objectId);
    if (dropped)
      await recordActivity(tx, {
        workspaceId,
        kind: 'hubspot.record_deleted',
        subjects: [`hubspot:${objectId}`],
        outcome: 'ok',
        message: `HubSpot ${type} ${objectId} is gone (${options.reason}): its connection was dropped`,
      });
    return dropped;
  });
}

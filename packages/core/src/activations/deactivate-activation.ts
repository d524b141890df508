import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { floatingLeases, licenseActivations, licenses } from '../db/schema/index';
import { recordActivationChange } from './record-activation-change';

/** Which seat to free: by its id (the customer page, operators) or by license and machine (the app). */
export type ActivationRef = { activationId: string } | { licenseId: string; hardwareId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Frees a machine's seat: the activation is marked deactivated (kept for the history), the
 * license's count drops, a floating lease the machine held is released, HubSpot is told and the
 * history records who did it. Idempotent: a seat already free (or unknown in the workspace)
 * changes nothing and returns null; otherwise returns the freed activation.
 */
export async function deactivateActivation(options: {
  db: Db;
  workspaceId: string;
  ref: ActivationRef;
  /** Who freed it, for the history: `license-api`, `customer:<email>`, `key:<name>`. */
  actor: string;
}): Promise<typeof licenseActivations.$inferSelect | null> {
  const { db, workspaceId, ref } = options;
  if ('activationId' in ref && !UUID.test(ref.activationId)) return null;
  return db.transaction(async (tx) => {
    const match =
      'activationId' in ref
        ? eq(licenseActivations.id, ref.activationId)
        : and(
            eq(licenseActivations.licenseId, ref.licenseId),
            eq(licenseActivations.hardwareId, ref.hardwareId),
          );
    const [freed] = await tx
      .update(licenseActivations)
      .set({ deactivatedAt: new Date() })
      .where(
        and(eq(licenseActivations.workspaceId, workspaceId), isNull(licenseActivations.deactivatedAt), match),
      )
      .returning();
    if (!freed) return null;
    const [license] = await tx
      .update(licenses)
      .set({ activationsInUse: sql`greatest(${licenses.activationsInUse} - 1, 0)`, updatedAt: new Date() })
      .where(eq(licenses.id, freed.licenseId))
      .returning({ licenseKey: licenses.licenseKey });
    await tx
      .delete(floatingLeases)
      .where(
        and(eq(floatingLeases.licenseId, freed.licenseId), eq(floatingLeases.hardwareId, freed.hardwareId)),
      );
    await recordActivationChange(tx, {
      workspaceId,
      licenseId: freed.licenseId,
      licenseKey: license?.licenseKey ?? null,
      kind: 'license.deactivated',
      hardwareId: freed.hardwareId,
      actor: options.actor,
      message: `machine ${freed.hardwareId} deactivated`,
      detail: { activation_id: freed.id },
    });
    return freed;
  });
}

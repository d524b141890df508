import { parseInput } from '@licensync/core/catalog';
import { getHistory, resolveHistorySubjects } from '@licensync/core/history';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { queryInteger, storableText } from './query-primitives';
import { requestWorkspace } from './request-workspace';

const text = storableText(320, { trim: true });

export const historyQuery = z
  .strictObject({
    customer_email: text.optional(),
    stripe_id: text.optional(),
    license_id: text.optional(),
    license_key: text.optional(),
    hubspot_object_id: text.optional(),
    limit: queryInteger(1, 500).default(100),
  })
  .refine((q) => Object.keys(q).some((k) => k !== 'limit'), {
    message: 'give customer_email, stripe_id, license_id, license_key or hubspot_object_id',
    path: ['query'],
  });

/**
 * An entity's sync history, newest first: events received, jobs run, external calls, failures and
 * replays, each with its outcome and error. `subjects` says what the search was widened to.
 */
export function historyRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.get('/history', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const q = parseInput(historyQuery, req.query);
    const subjects = await resolveHistorySubjects({
      db,
      workspaceId,
      query: {
        customerEmail: q.customer_email,
        stripeId: q.stripe_id,
        licenseId: q.license_id,
        licenseKey: q.license_key,
        hubspotObjectId: q.hubspot_object_id,
      },
    });
    const entries = await getHistory({ db, workspaceId, subjects, limit: q.limit });
    res.json({
      subjects,
      data: entries.map((e) => ({
        at: e.at.toISOString(),
        kind: e.kind,
        outcome: e.outcome,
        message: e.message,
        error: e.error,
        source: e.source,
        actor: e.actor,
        subjects: e.subjects,
        detail: e.detail,
      })),
    });
  });

  return router;
}

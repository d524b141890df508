import { UnprocessableError } from '@licensync/core/errors';
import { createWorkflowOrder, toWorkflowFailureFields, toWorkflowOutputFields } from '@licensync/core/orders';
import { completeWorkflowActionJob, isFinalFailure } from '@licensync/core/queues';
import { completeActionCallback, type HubspotSession, PortalPausedError } from '@licensync/hubspot';
import { DelayedError, type Job } from 'bullmq';
import { openPortalSession } from '../hubspot/open-portal-session';
import { readWorkflowCustomer } from '../hubspot/read-workflow-customer';
import type { JobHandler } from './job-handler';

/**
 * Runs one `complete-workflow-action` job: reads the customer from HubSpot, takes the order and
 * completes HubSpot's callback with the license ids and keys (or `FAIL_CONTINUE` and the reason
 * when the ledger refuses the order). Idempotent because the order is keyed on the callback id,
 * so a retry after the callback call failed finds the same licenses. A paused portal delays the
 * job until the pause ends instead of using up attempts. On the final failure the callback is
 * completed with `FAIL_CONTINUE`, so the workflow's history says why instead of waiting to expire.
 */
export const createCompleteWorkflowAction: JobHandler = (deps) =>
  async function processCompleteWorkflowAction(job: Job, token?: string): Promise<string> {
    const { workspaceId, request } = completeWorkflowActionJob.schema.parse(job.data);
    let session: HubspotSession | null = null;
    try {
      session = await openPortalSession(deps, workspaceId);
      if (!session) throw new Error(`workspace ${workspaceId} has no active HubSpot connection`);
      const customer = await readWorkflowCustomer(session, request);
      let outputFields: Record<string, string>;
      try {
        const created = await createWorkflowOrder({ db: deps.db, workspaceId, request, customer });
        outputFields = toWorkflowOutputFields(created);
      } catch (err) {
        if (!(err instanceof UnprocessableError)) throw err;
        outputFields = toWorkflowFailureFields('order_refused', err.message);
      }
      await completeActionCallback(session, request.callbackId, outputFields);
      return `callback completed: ${outputFields.hs_execution_state}`;
    } catch (err) {
      if (err instanceof PortalPausedError && token) {
        await job.moveToDelayed(err.untilMs, token);
        throw new DelayedError();
      }
      if (session && isFinalFailure(job, err)) {
        const reason = err instanceof Error ? err.message : String(err);
        await completeActionCallback(
          session,
          request.callbackId,
          toWorkflowFailureFields('failed', `licensync could not create the license: ${reason}`),
        ).catch(() => {});
      }
      throw err;
    }
  };

import { createHash } from 'node:crypto';
import { z } from 'zod';
import { workflowLicenseRequest } from '../../orders/workflow-license-request';
import { QUEUES } from '../names';
import { configuredRetry } from './job-retry';

/**
 * Finishes a "Create License" execution the api answered with `BLOCK` (the customer must be read
 * from HubSpot first): reads it through the portal's limiter, takes the order keyed on the
 * callback id, then completes HubSpot's callback with the license ids and keys.
 */
export const completeWorkflowActionJob = {
  name: 'complete-workflow-action',
  queue: QUEUES.workflowActions,
  schema: z.object({ workspaceId: z.uuid(), request: workflowLicenseRequest }),
  /** One job per execution: HubSpot's retries of a BLOCKed execution add nothing while it is queued. */
  jobId: (workspaceId: string, callbackId: string) =>
    `workflow-${workspaceId}-${createHash('sha256').update(callbackId).digest('hex').slice(0, 32)}`,
  retry: configuredRetry,
} as const;

export type CompleteWorkflowActionPayload = z.infer<typeof completeWorkflowActionJob.schema>;

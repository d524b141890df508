import {
  completeWorkflowActionJob,
  deliverLicenseEmailJob,
  deliverWebhookJob,
  hubspotSyncJob,
  type JobName,
  processInboxEventJob,
  readDealAssociationsJob,
  runResyncJob,
  sweepStatusesJob,
} from '@licensync/core/queues';
import { createCompleteWorkflowAction } from './complete-workflow-action.job';
import { createDeliverLicenseEmail } from './deliver-license-email.job';
import { createDeliverWebhook } from './deliver-webhook.job';
import type { JobHandler } from './job-handler';
import { createProcessInboxEvent } from './process-inbox-event.job';
import { createReadDealAssociations } from './read-deal-associations.job';
import { createRunResync } from './run-resync.job';
import { createSweepStatuses } from './sweep-statuses.job';
import { createSyncOutbox } from './sync-outbox.job';

/**
 * The one place that answers "which jobs exist, and what runs them": every contract in
 * `@licensync/core`'s `JOBS` has exactly one handler here (a missing or extra one does not
 * compile). Which Stripe event runs what is the Stripe event registry's business.
 */
export const jobHandlers = {
  [processInboxEventJob.name]: createProcessInboxEvent,
  [hubspotSyncJob.name]: createSyncOutbox,
  [runResyncJob.name]: createRunResync,
  [deliverWebhookJob.name]: createDeliverWebhook,
  [sweepStatusesJob.name]: createSweepStatuses,
  [completeWorkflowActionJob.name]: createCompleteWorkflowAction,
  [readDealAssociationsJob.name]: createReadDealAssociations,
  [deliverLicenseEmailJob.name]: createDeliverLicenseEmail,
} as const satisfies Record<JobName, JobHandler>;

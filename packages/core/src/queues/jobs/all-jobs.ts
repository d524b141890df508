import { completeWorkflowActionJob } from './complete-workflow-action';
import { deliverLicenseEmailJob } from './deliver-license-email';
import { deliverWebhookJob } from './deliver-webhook';
import { processInboxEventJob } from './process-inbox-event';
import { readDealAssociationsJob } from './read-deal-associations';
import { runResyncJob } from './run-resync';
import { sweepStatusesJob } from './sweep-statuses';
import { hubspotSyncJob } from './sync-outbox';

/** Every job contract: one per queue. The worker maps each name to its handler. */
export const JOBS = [
  processInboxEventJob,
  hubspotSyncJob,
  runResyncJob,
  deliverWebhookJob,
  sweepStatusesJob,
  completeWorkflowActionJob,
  readDealAssociationsJob,
  deliverLicenseEmailJob,
] as const;

export type JobContract = (typeof JOBS)[number];
export type JobName = JobContract['name'];

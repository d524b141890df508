import { deliverWebhookJob } from '@licensync/core/queues';
import {
  countWebhookAttempts,
  getOutboundEvent,
  getWebhookEndpointForDelivery,
  recordWebhookDelivery,
} from '@licensync/core/webhooks';
import type { Job } from 'bullmq';
import { postSignedEvent } from '../webhooks/post-signed-event';
import type { JobHandler } from './job-handler';

/**
 * Runs one `deliver-webhook` job: one POST of the event to the endpoint, logged whatever the
 * outcome. A network error, a timeout or a non-2xx answer throws, so BullMQ retries it with
 * exponential backoff; an endpoint deleted or disabled meanwhile ends the job quietly.
 */
export const createDeliverWebhook: JobHandler = (deps) =>
  async function deliverWebhook(job: Job): Promise<string> {
    const { workspaceId, endpointId, eventId } = deliverWebhookJob.schema.parse(job.data);
    const endpoint = await getWebhookEndpointForDelivery(deps.db, deps.secrets, workspaceId, endpointId);
    if (!endpoint?.enabled) return 'endpoint gone or disabled';
    const event = await getOutboundEvent(deps.db, workspaceId, eventId);
    if (!event) return 'event gone';
    // Counted from the log, so a replay's attempts continue the numbering instead of restarting.
    const attempt = (await countWebhookAttempts(deps.db, endpointId, eventId)) + 1;
    const outcome = await postSignedEvent({
      url: endpoint.url,
      secret: endpoint.secret,
      event,
      timeoutMs: deliverWebhookJob.timeoutMs,
    });
    await recordWebhookDelivery(deps.db, {
      workspaceId,
      endpointId,
      eventId,
      attempt,
      statusCode: outcome.statusCode,
      error: outcome.error,
      durationMs: outcome.durationMs,
    });
    if (outcome.error !== null) throw new Error(`webhook ${endpoint.url}: ${outcome.error}`);
    return `delivered (HTTP ${outcome.statusCode})`;
  };

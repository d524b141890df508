import { parseInput } from '@licensync/core/catalog';
import { NotFoundError } from '@licensync/core/errors';
import { deliverWebhookJob, retryingJobOptions } from '@licensync/core/queues';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookDelivery,
  listWebhookDeliveries,
  listWebhookEndpoints,
} from '@licensync/core/webhooks';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { toPathId } from './query-primitives';
import { requestWorkspace } from './request-workspace';
import { toWebhookDeliveryJson, toWebhookEndpointJson } from './to-webhook-json';
import { webhookEndpointBody } from './webhook-endpoint-body';

const endpointId = z.uuid();

/**
 * Vendors' outbound webhook endpoints: the secret is shown once, in the answer to the create; the
 * delivery log per endpoint; a replay re-sends the delivery's event (same id) to its endpoint.
 */
export function webhooksRoute(deps: AppDeps): Router {
  const router = Router();
  const { db, secrets } = deps;
  const pathEndpoint = (raw: string) => {
    const parsed = endpointId.safeParse(raw);
    if (!parsed.success) throw new NotFoundError(`webhook endpoint ${raw} not found`);
    return parsed.data;
  };

  router.get('/webhook_endpoints', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const endpoints = await listWebhookEndpoints(db, workspaceId);
    res.json({ data: endpoints.map(toWebhookEndpointJson), has_more: false });
  });

  router.post('/webhook_endpoints', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const body = parseInput(webhookEndpointBody, req.body);
    const { endpoint, secret } = await createWebhookEndpoint(db, secrets, {
      workspaceId,
      url: body.url,
      eventTypes: body.event_types,
    });
    res.status(201).json({ ...toWebhookEndpointJson(endpoint), secret });
  });

  router.delete('/webhook_endpoints/:id', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const id = pathEndpoint(req.params.id);
    if (!(await deleteWebhookEndpoint(db, workspaceId, id))) {
      throw new NotFoundError(`webhook endpoint ${id} not found`);
    }
    res.json({ id, deleted: true });
  });

  router.get('/webhook_endpoints/:id/deliveries', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const id = pathEndpoint(req.params.id);
    const deliveries = await listWebhookDeliveries(db, workspaceId, id);
    res.json({ data: deliveries.map(toWebhookDeliveryJson), has_more: false });
  });

  router.post('/webhook_deliveries/:id/replay', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const id = toPathId(req.params.id);
    const delivery = id === undefined ? undefined : await getWebhookDelivery(db, workspaceId, id);
    if (!delivery) throw new NotFoundError(`webhook delivery ${req.params.id} not found`);
    const { endpointId: endpoint, eventId } = delivery;
    // A new round per replay: BullMQ would ignore a job id it still holds from the first delivery.
    const job = await deps.queues.webhooks.add(
      deliverWebhookJob.name,
      { workspaceId, endpointId: endpoint, eventId },
      {
        ...retryingJobOptions(deliverWebhookJob.retry(deps.config)),
        jobId: deliverWebhookJob.jobId(eventId, endpoint, `replay${Date.now()}`),
      },
    );
    res
      .status(202)
      .json({ delivery_id: delivery.id, event_id: eventId, endpoint_id: endpoint, job_id: job.id });
  });

  return router;
}

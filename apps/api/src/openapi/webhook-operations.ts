import { webhookEndpointBody } from '../routes/admin/webhook-endpoint-body';
import type { AdminOperation } from './admin-operation';
import { anyJson } from './response-schemas';

/** Outbound webhook endpoints, their delivery log and replays. */
export const WEBHOOK_OPERATIONS: AdminOperation[] = [
  {
    method: 'get',
    path: '/webhook_endpoints',
    tag: 'webhooks',
    summary: 'List outbound webhook endpoints',
    response: anyJson,
  },
  {
    method: 'post',
    path: '/webhook_endpoints',
    tag: 'webhooks',
    summary: 'Add an endpoint; the answer shows its signing secret, once',
    body: webhookEndpointBody,
    status: 201,
    response: anyJson,
    example: { request: { url: 'https://example.com/licensync', event_types: ['license.created'] } },
  },
  {
    method: 'delete',
    path: '/webhook_endpoints/{id}',
    tag: 'webhooks',
    summary: 'Delete an endpoint and its delivery log',
    response: anyJson,
    errors: [404],
  },
  {
    method: 'get',
    path: '/webhook_endpoints/{id}/deliveries',
    tag: 'webhooks',
    summary: "An endpoint's delivery attempts, newest first",
    response: anyJson,
    errors: [404],
  },
  {
    method: 'post',
    path: '/webhook_deliveries/{id}/replay',
    tag: 'webhooks',
    summary: "Re-send a delivery's event (same event id) to its endpoint",
    status: 202,
    response: anyJson,
    errors: [404],
  },
];

import type { WebhookDelivery, WebhookEndpoint } from '@licensync/core/webhooks';

export function toWebhookEndpointJson(e: WebhookEndpoint) {
  return {
    id: e.id,
    url: e.url,
    event_types: e.eventTypes,
    enabled: e.enabled,
    created_at: e.createdAt.toISOString(),
  };
}

export function toWebhookDeliveryJson(d: WebhookDelivery) {
  return {
    id: d.id,
    endpoint_id: d.endpointId,
    event_id: d.eventId,
    attempt: d.attempt,
    status_code: d.statusCode,
    error: d.error,
    duration_ms: d.durationMs,
    at: d.at.toISOString(),
  };
}

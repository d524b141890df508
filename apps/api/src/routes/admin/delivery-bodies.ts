import type { LicenseDelivery } from '@licensync/core/deliveries';
import { z } from 'zod';
import { storableText } from './query-primitives';

/** Body of `POST /api/v1/deliveries`: the licenses whose mail goes out again. */
export const resendDeliveryBody = z.strictObject({
  license_ids: z.array(z.uuid()).min(1).max(100).meta({
    description:
      'Licenses of one customer; the customer gets one mail, other license users an invitation each.',
  }),
});

/** Query of `GET /api/v1/deliveries`. */
export const deliveryListQuery = z.strictObject({
  license_id: z.uuid().optional(),
  customer_id: z.uuid().optional(),
});

/** Body of the template PUTs: mustache, both parts required so every mail has a plain-text part. */
export const deliveryTemplateBody = z.strictObject({
  subject: storableText(500),
  text: storableText(100_000),
  html: storableText(200_000),
});

export const deliveryJson = z.object({
  id: z.uuid(),
  customer_id: z.uuid(),
  order_id: z.uuid().nullable(),
  recipient: z.string(),
  license_ids: z.array(z.uuid()),
  reason: z.enum(['created', 'resend', 'user_added']),
  actor: z.string(),
  status: z.enum(['pending', 'dispatched', 'sent', 'skipped', 'failed']),
  attempts: z.int(),
  last_error: z.string().nullable(),
  message_id: z.string().nullable(),
  created_at: z.string(),
  sent_at: z.string().nullable(),
});

export function toDeliveryJson(d: LicenseDelivery): z.output<typeof deliveryJson> {
  return {
    id: d.id,
    customer_id: d.customerId,
    order_id: d.orderId,
    recipient: d.recipient,
    license_ids: d.licenseIds,
    reason: d.reason,
    actor: d.actor,
    status: d.status,
    attempts: d.attempts,
    last_error: d.lastError,
    message_id: d.messageId,
    created_at: d.createdAt.toISOString(),
    sent_at: d.sentAt?.toISOString() ?? null,
  };
}

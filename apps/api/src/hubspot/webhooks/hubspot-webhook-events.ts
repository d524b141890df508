import type { HubspotRecordType } from '@licensync/core/customers';
import { z } from 'zod';

/** HubSpot delivers up to 100 events per request (facts §8). */
export const hubspotWebhookEvents = z
  .array(
    z.looseObject({
      portalId: z.number().int().positive(),
      subscriptionType: z.string().max(100),
      objectId: z.number().int().nonnegative().optional(),
      occurredAt: z.number().optional(),
    }),
  )
  .max(100);

export type HubspotWebhookEvent = z.output<typeof hubspotWebhookEvents>[number];

const RECORD_GONE: Record<string, HubspotRecordType> = {
  'contact.deletion': 'contact',
  'contact.privacyDeletion': 'contact',
  'company.deletion': 'company',
};

/** What an event asks of us: drop a record's connection, or nothing (every other type is ignored). Pure. */
export function toWebhookAction(
  event: HubspotWebhookEvent,
): { kind: 'forget_record'; type: HubspotRecordType; objectId: string } | { kind: 'ignore' } {
  const type = RECORD_GONE[event.subscriptionType];
  if (!type || event.objectId === undefined) return { kind: 'ignore' };
  return { kind: 'forget_record', type, objectId: String(event.objectId) };
}

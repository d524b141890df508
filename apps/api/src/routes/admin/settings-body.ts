import type { EffectiveSettings, SettingsPatch } from '@licensync/core/workspaces';
import { z } from 'zod';
import { atLeastOneField } from './at-least-one-field';

const toggles = z.strictObject({
  licenses: z.boolean().optional(),
  customers: z.boolean().optional(),
  subscriptions: z.boolean().optional(),
  invoices: z.boolean().optional(),
});

/** Body of `PATCH /api/v1/settings`: any subset of the settings. */
export const settingsPatchBody = z
  .strictObject({
    partial_refund_action: z
      .enum(['none', 'disable'])
      .optional()
      .meta({ description: 'What a partial refund does to the payment’s licenses.' }),
    disable_on_dispute: z.boolean().optional(),
    pause_collection_action: z.enum(['keep_working', 'disable']).optional(),
    resync_cron: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: 'Cron (UTC) of the scheduled resyncs; applies at once, no restart.' }),
    hubspot_default_object: z.enum(['contact', 'company']).optional(),
    deliver_licenses: z.boolean().optional().meta({
      description: 'Mail customers their keys when licenses are created; off when you deliver them yourself.',
    }),
    sync_toggles: toggles.optional(),
  })
  .refine(...atLeastOneField('setting'));

/** The settings as the admin API answers them. */
export const settingsJson = z.object({
  partial_refund_action: z.enum(['none', 'disable']),
  disable_on_dispute: z.boolean(),
  pause_collection_action: z.enum(['keep_working', 'disable']),
  resync_cron: z.string(),
  hubspot_default_object: z.enum(['contact', 'company']),
  deliver_licenses: z.boolean(),
  sync_toggles: z
    .object({
      licenses: z.boolean(),
      customers: z.boolean(),
      subscriptions: z.boolean(),
      invoices: z.boolean(),
    })
    .nullable(),
});

const SNAKE: Record<keyof EffectiveSettings, keyof z.output<typeof settingsJson>> = {
  partialRefundAction: 'partial_refund_action',
  disableOnDispute: 'disable_on_dispute',
  pauseCollectionAction: 'pause_collection_action',
  resyncCron: 'resync_cron',
  hubspotDefaultObject: 'hubspot_default_object',
  deliverLicenses: 'deliver_licenses',
  syncToggles: 'sync_toggles',
};

/** A setting's camelCase name → its admin API name. */
export const toSettingName = (name: string) => SNAKE[name as keyof EffectiveSettings] ?? name;

export function toSettingsJson(s: EffectiveSettings): z.output<typeof settingsJson> {
  return {
    partial_refund_action: s.partialRefundAction,
    disable_on_dispute: s.disableOnDispute,
    pause_collection_action: s.pauseCollectionAction,
    resync_cron: s.resyncCron,
    hubspot_default_object: s.hubspotDefaultObject,
    deliver_licenses: s.deliverLicenses,
    sync_toggles: s.syncToggles,
  };
}

export function toSettingsPatch(b: z.output<typeof settingsPatchBody>): SettingsPatch {
  return {
    partialRefundAction: b.partial_refund_action,
    disableOnDispute: b.disable_on_dispute,
    pauseCollectionAction: b.pause_collection_action,
    resyncCron: b.resync_cron,
    hubspotDefaultObject: b.hubspot_default_object,
    deliverLicenses: b.deliver_licenses,
    syncToggles: b.sync_toggles,
  };
}

import { codeText, positiveCount } from '@licensync/core/catalog';
import { z } from 'zod';
import { atLeastOneField } from './at-least-one-field';

const dateTime = z.iso.datetime({ offset: true });

/** Body of `PATCH /api/v1/licenses/{id}`: which of these a license accepts depends on its type. */
export const licensePatchBody = z
  .strictObject({
    valid_until: dateTime.nullable().optional(),
    maintenance_until: dateTime.nullable().optional(),
    max_activations: positiveCount.optional(),
    floating_cloud: positiveCount.nullable().optional(),
    max_license_users: positiveCount.nullable().optional(),
    is_trial: z.boolean().optional(),
    /** Consumption licenses only; null = follow the policy. */
    max_consumptions: positiveCount.nullable().optional(),
    allow_overages: z.boolean().nullable().optional(),
    max_overages: positiveCount.nullable().optional(),
  })
  .refine(...atLeastOneField());

/** Body of `POST /api/v1/licenses/{id}/features`. */
export const licenseFeatureBody = z.strictObject({
  code: codeText,
  max_consumption: z.int('must be an integer').min(0).max(2_147_483_647).nullable().optional(),
});

/** Body of `PUT /api/v1/licenses/{id}/custom_fields/{name}`. */
export const licenseCustomFieldBody = z.strictObject({ value: z.string().max(2000) });

/** The answer of a license edit: the license as it is now and what the edit changed. */
export const licenseEditAnswer = z.object({
  license: z.record(z.string(), z.unknown()),
  changed: z.array(z.string()),
});

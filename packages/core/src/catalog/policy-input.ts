import { LICENSE_TYPES } from '@licensync/mappers';
import { z } from 'zod';
import { codeText, durationText, namedValues, plainText, positiveCount } from './input-primitives';

/**
 * A license policy as the admin API and catalog files spell it. Rules that need the product
 * (user-only fields, known features and custom fields) live in `findPolicyProblems`.
 */
export const policyInputSchema = z
  .strictObject({
    code: codeText,
    name: plainText(),
    license_type: z.enum(LICENSE_TYPES),
    valid_duration: durationText.optional(),
    max_activations: positiveCount.default(1),
    floating_cloud: positiveCount.optional(),
    /** Minutes a floating lease lives without a heartbeat. */
    floating_timeout_minutes: positiveCount.max(10_080).default(30),
    /** Consumption licenses: the total allowed per period; absent = unlimited. */
    max_consumptions: positiveCount.optional(),
    allow_overages: z.boolean().default(false),
    /** How far past max_consumptions overages may go; absent = without limit when allowed. */
    max_overages: positiveCount.optional(),
    maintenance_enabled: z.boolean().default(false),
    maintenance_duration: durationText.optional(),
    max_license_users: positiveCount.optional(),
    is_trial: z.boolean().default(false),
    is_default: z.boolean().default(false),
    features: z.array(codeText).max(200).default([]),
    custom_field_values: namedValues(z.string().max(100), z.string().max(1000))
      .refine(
        (values) => Object.entries(values).every(([k, v]) => !k.includes('\u0000') && !v.includes('\u0000')),
        'must not contain NUL characters',
      )
      .default({}),
  })
  .superRefine((p, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.floating_cloud !== undefined && p.floating_cloud > p.max_activations) {
      problem('floating_cloud', `must be ≤ max_activations (${p.max_activations})`);
    }
    if (p.license_type !== 'consumption' && (p.max_consumptions !== undefined || p.allow_overages)) {
      problem(p.allow_overages ? 'allow_overages' : 'max_consumptions', 'only for consumption licenses');
    }
    if (p.max_overages !== undefined && !p.allow_overages) {
      problem('max_overages', 'only allowed when allow_overages is true');
    }
    if (p.license_type === 'time-limited' && p.valid_duration === undefined) {
      problem('valid_duration', 'required for time-limited licenses');
    }
    if (p.license_type === 'perpetual' && p.valid_duration !== undefined) {
      problem('valid_duration', 'not allowed for perpetual licenses');
    }
    if (p.maintenance_enabled && p.maintenance_duration === undefined) {
      problem('maintenance_duration', 'required when maintenance_enabled is true');
    }
    if (!p.maintenance_enabled && p.maintenance_duration !== undefined) {
      problem('maintenance_duration', 'only allowed when maintenance_enabled is true');
    }
  });
export type PolicyInput = z.output<typeof policyInputSchema>;

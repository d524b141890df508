import { z } from 'zod';

/** What every admin error answers: `fields` maps each offending field to its problem. */
export const errorJson = z.looseObject({
  error: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});

/** A license as the admin API answers it (`toLicenseJson`). */
export const licenseJson = z.looseObject({
  id: z.uuid(),
  license_key: z.string().nullable(),
  product: z.string(),
  policy: z.string().nullable(),
  license_type: z.enum(['perpetual', 'time-limited', 'subscription', 'consumption']),
  enabled: z.boolean(),
  disabled_reason: z.string().nullable(),
  valid_until: z.string().nullable(),
  maintenance_until: z.string().nullable(),
  max_activations: z.int(),
  floating_cloud: z.int().nullable(),
  max_license_users: z.int().nullable(),
  is_trial: z.boolean(),
  customer: z.object({ id: z.uuid(), email: z.string() }),
  features: z.array(z.object({ code: z.string(), max_consumption: z.int().nullable() })),
  custom_fields: z.record(z.string(), z.string()),
});

/** A page of a list: Stripe's `{ data, has_more }`. */
export const pageOf = (item: z.ZodType) => z.looseObject({ data: z.array(item), has_more: z.boolean() });

/** The answer of `POST /api/v1/orders`; each license also carries its key as `key`. */
export const orderJson = z.looseObject({
  id: z.uuid(),
  source: z.enum(['manual', 'hubspot_card', 'workflow', 'stripe_app']),
  customer_id: z.uuid(),
  customer_account_id: z.uuid().nullable(),
  licenses: z.array(licenseJson.extend({ key: z.string().nullable() })),
});

/** The answer of every hand edit: the record as it is now and what changed. */
export const editAnswer = (record: string, schema: z.ZodType) =>
  z.looseObject({ [record]: schema, changed: z.array(z.string()) });

export const customerJson = z.looseObject({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  /** Null: undefined, the workspace's `hubspot_default_object` decides its HubSpot object. */
  customer_type: z.enum(['individual', 'company']).nullable(),
  account: z.object({ id: z.uuid(), name: z.string(), domain: z.string().nullable() }).nullable(),
});

export const hubspotRecordJson = z.object({
  customer_id: z.uuid(),
  object_type: z.enum(['contact', 'company']),
  object_id: z.string(),
});

export const accountJson = z.looseObject({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  tax_id: z.string().nullable(),
});

/** Answers whose shape is documented by their route's TSDoc rather than a schema (yet). */
export const anyJson = z.looseObject({});

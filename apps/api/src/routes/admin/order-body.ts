import { codeText, durationText, plainText, positiveCount } from '@licensync/core/catalog';
import type { OrderInput } from '@licensync/core/orders';
import { z } from 'zod';

const email = z.email('must be an email address').max(320);
// Not `plainText`: an empty company name is the ledger's to refuse, with the reference's wording.
const companyName = z.string().max(200, 'must be at most 200 characters');
const company = z.union([
  companyName,
  z.strictObject({ name: companyName, domain: plainText(253).optional(), tax_id: plainText(64).optional() }),
]);

const customer = z
  .strictObject({
    id: z.uuid('must be a customer id').optional(),
    account_id: z.uuid('must be a customer account id').optional(),
    email: email.optional(),
    first_name: plainText(100).optional(),
    last_name: plainText(100).optional(),
    company: company.optional(),
  })
  .refine(
    (c) => [c.id, c.account_id, c.email].filter((v) => v !== undefined).length >= 1,
    'needs an email, an id or an account_id',
  )
  .refine((c) => !(c.id && (c.account_id || c.email)), 'an id excludes email and account_id')
  // Names and company describe a person found or created by email; with an id they would be dropped.
  .refine(
    (c) => c.email !== undefined || [c.first_name, c.last_name, c.company].every((v) => v === undefined),
    'first_name, last_name and company go with an email',
  )
  .meta({
    description: 'An email with names and company, an existing customer id, or a customer account id.',
  });

const overrides = z
  .strictObject({
    valid_duration: durationText.optional(),
    valid_until: z.iso.datetime({ offset: true }).optional(),
    max_activations: positiveCount.optional(),
    floating_cloud: positiveCount.nullable().optional(),
    is_trial: z.boolean().optional(),
    enable_maintenance_duration: z.boolean().optional(),
    maintenance_duration: durationText.optional(),
    max_license_users: positiveCount.optional(),
    is_single_license: z.boolean().optional(),
    features: z.array(codeText).max(100).optional(),
    custom_fields: z.record(plainText(100), z.string().max(2000)).optional(),
  })
  .refine((o) => !(o.valid_duration && o.valid_until), 'valid_duration and valid_until exclude each other');

/** Body of `POST /api/v1/orders`. */
export const orderBody = z.strictObject({
  customer,
  product: codeText,
  policy: codeText.optional(),
  quantity: z.int('must be an integer').min(1, 'must be at least 1').max(1000, 'must be at most 1000'),
  source: z.enum(['manual', 'hubspot_card', 'workflow']).default('manual'),
  overrides: overrides.default({}),
});

export type OrderBody = z.output<typeof orderBody>;

/** The admin API's snake_case order → the ledger's input. */
export function toOrderInput(body: OrderBody): OrderInput {
  const { customer: c, overrides: o } = body;
  const co = typeof c.company === 'string' ? { name: c.company } : c.company;
  return {
    customer: {
      id: c.id,
      accountId: c.account_id,
      email: c.email,
      firstName: c.first_name,
      lastName: c.last_name,
      ...(co && {
        company: {
          name: co.name,
          domain: 'domain' in co ? co.domain : null,
          taxId: 'tax_id' in co ? co.tax_id : null,
        },
      }),
    },
    product: body.product,
    policy: body.policy,
    quantity: body.quantity,
    source: body.source,
    overrides: {
      validDuration: o.valid_duration,
      validUntil: o.valid_until ? new Date(o.valid_until) : undefined,
      maxActivations: o.max_activations,
      floatingCloud: o.floating_cloud,
      isTrial: o.is_trial,
      enableMaintenanceDuration: o.enable_maintenance_duration,
      maintenanceDuration: o.maintenance_duration,
      maxLicenseUsers: o.max_license_users,
      isSingleLicense: o.is_single_license,
      features: o.features,
      customFields: o.custom_fields,
    },
  };
}

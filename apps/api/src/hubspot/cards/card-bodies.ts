import { codeText, durationText, plainText, positiveCount } from '@licensync/core/catalog';
import { z } from 'zod';

export const objectTypeParam = z.enum(['contact', 'company']);
export const objectIdParam = z.string().regex(/^\d{1,20}$/, 'must be a HubSpot record id');

const email = z.email('must be an email address').max(320);
// Not `plainText`: a blank company name is the ledger's to refuse, with the reference's wording.
const companyName = z.string().max(200, 'must be at most 200 characters');
const domain = plainText(253).nullable().optional();

/** The contact's properties as the card read them (`useCrmProperties`). */
export const contactRecord = z.strictObject({
  email,
  firstName: plainText(100).optional(),
  lastName: plainText(100).optional(),
  company: z.strictObject({ name: companyName, domain }).nullable().optional(),
});

/** The company's properties; `contact` receives the licenses while its account has no customer. */
export const companyRecord = z.strictObject({
  name: companyName,
  domain,
  contact: z
    .strictObject({ email, firstName: plainText(100).optional(), lastName: plainText(100).optional() })
    .optional(),
});

const overrides = z
  .strictObject({
    validDuration: durationText.optional(),
    validUntil: z.iso.datetime({ offset: true }).optional(),
    maxActivations: positiveCount.optional(),
    floatingCloud: positiveCount.nullable().optional(),
    isTrial: z.boolean().optional(),
    enableMaintenanceDuration: z.boolean().optional(),
    maintenanceDuration: durationText.optional(),
    maxLicenseUsers: positiveCount.optional(),
    // Consumption policies only (the ledger refuses them on another type).
    maxConsumptions: positiveCount.optional(),
    allowOverages: z.boolean().optional(),
    maxOverages: positiveCount.optional(),
    isSingleLicense: z.boolean().optional(),
    features: z.array(codeText).max(100).optional(),
    customFields: z.record(plainText(100), z.string().max(2000)).optional(),
  })
  .refine((o) => !(o.validDuration && o.validUntil), 'validDuration and validUntil exclude each other');

export const cardOrderBody = z.strictObject({
  objectType: objectTypeParam,
  objectId: objectIdParam,
  record: z.unknown(),
  productId: z.uuid('must be a product id'),
  policyId: z.uuid('must be a policy id').optional(),
  quantity: z.int('must be an integer').min(1, 'must be at least 1').max(1000, 'must be at most 1000'),
  overrides: overrides.default({}),
  /** Same id twice (HubSpot retries a fetch once) → the same order, not a second one. */
  requestId: plainText(100).optional(),
});

export const connectionBody = z.strictObject({
  customerId: z.string().max(100),
  record: z.unknown(),
  replace: z.boolean().default(false),
});

export const similarQuery = z.object({
  email: z.string().max(320).optional(),
  name: z.string().max(200).optional(),
  domain: z.string().max(253).optional(),
});

export const recordLicensesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  startingAfter: z.string().max(100).optional(),
});

const date = z.iso.datetime({ offset: true }).nullable();

export const cardLicensePatch = z
  .strictObject({
    validUntil: date.optional(),
    maintenanceUntil: date.optional(),
    maxActivations: positiveCount.optional(),
    floatingCloud: positiveCount.nullable().optional(),
    maxLicenseUsers: positiveCount.nullable().optional(),
    isTrial: z.boolean().optional(),
    maxConsumptions: positiveCount.nullable().optional(),
    allowOverages: z.boolean().nullable().optional(),
    maxOverages: positiveCount.nullable().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'name at least one field to change');

export const cardFeatureBody = z.strictObject({
  code: codeText,
  maxConsumption: positiveCount.nullable().optional(),
});

export const cardCustomFieldBody = z.strictObject({ value: z.string().max(2000) });

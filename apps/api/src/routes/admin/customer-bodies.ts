import { plainText } from '@licensync/core/catalog';
import { z } from 'zod';
import { atLeastOneField } from './at-least-one-field';

/** Query of `GET /api/v1/customers` and `GET /api/v1/customer_accounts`. */
export const customerSearchQuery = z.strictObject({
  query: plainText(320),
  limit: z.coerce.number().int('must be an integer').min(1).max(100, 'must be at most 100').default(20),
});

/** Query of a customer's (or account's) licenses. */
export const customerLicensesQuery = z.strictObject({
  limit: z.coerce.number().int('must be an integer').min(1).max(100, 'must be at most 100').default(20),
  starting_after: plainText(64).optional(),
});

/** Body of `PATCH /api/v1/customers/{id}`. */
export const customerPatchBody = z
  .strictObject({
    email: z.email('must be an email address').max(320).optional(),
    name: plainText(200).nullable().optional(),
    customer_type: z.enum(['individual', 'company']).nullable().optional().meta({
      description: 'individual → HubSpot contact, company → company, null → hubspot_default_object.',
    }),
  })
  .refine(...atLeastOneField());

/** Body of `PATCH /api/v1/customer_accounts/{id}`. */
export const customerAccountPatchBody = z
  .strictObject({
    name: plainText(200).optional(),
    domain: plainText(253).nullable().optional(),
    tax_id: plainText(64).nullable().optional(),
  })
  .refine(...atLeastOneField());

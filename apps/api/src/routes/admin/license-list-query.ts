import { z } from 'zod';

const text = z
  .string()
  .min(1, 'must not be empty')
  .max(320)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

/** Query of `GET /api/v1/licenses`: filters plus Stripe-style cursor pagination. */
export const licenseListQuery = z.strictObject({
  customer_email: text.optional(),
  stripe_subscription_id: text.optional(),
  stripe_payment_intent_id: text.optional(),
  status: z.enum(['enabled', 'disabled']).optional(),
  product: text.optional(),
  limit: z.coerce.number().int('must be an integer').min(1).max(100, 'must be at most 100').default(20),
  starting_after: text.optional(),
});

import { z } from 'zod';
import { queryInteger, storableText } from './query-primitives';

const text = storableText(320);

/** Query of `GET /api/v1/licenses`: filters plus Stripe-style cursor pagination. */
export const licenseListQuery = z.strictObject({
  customer_email: text.optional(),
  stripe_subscription_id: text.optional(),
  stripe_payment_intent_id: text.optional(),
  status: z.enum(['enabled', 'disabled']).optional(),
  product: text.optional(),
  limit: queryInteger(1, 100).default(20),
  starting_after: text.optional(),
});

import { z } from 'zod';

/** The variables of mailing keys to customers and of the links in those mails; part of `envSchema`. */
export const deliveryEnvVars = {
  SMTP_URL: z
    .url()
    .optional()
    .describe(
      'Mail server for license delivery, e.g. smtps://user:pass@smtp.example.com:465; unset = delivery mails stay pending (the worker warns at start) until it is set',
    ),
  SMTP_FROM: z
    .string()
    .min(3)
    .default('licensync <licenses@localhost>')
    .describe('From address of delivery mails'),
  CUSTOMER_LINK_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(168)
    .describe('How long the customer-page link in a delivery mail works, in hours'),
  PASSWORD_LINK_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(72)
    .describe('How long a one-time password-set link works (it also stops working once used), in hours'),
};

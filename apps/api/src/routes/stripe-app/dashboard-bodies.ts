import { codeText } from '@licensync/core/catalog';
import { z } from 'zod';
import { storableText } from '../admin/query-primitives';

const stripeId = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9_]{1,250}$`), `must be a Stripe id (${prefix}_…)`);

/**
 * What every view sends beside its `Stripe-Signature`: the signed user and account, and the
 * dashboard's mode (test and live mode of one account are two workspaces).
 */
export const dashboardIdentity = {
  user_id: storableText(255),
  account_id: stripeId('acct'),
  mode: z.enum(['live', 'test']).optional(),
};

/** A body of the identity and `shape`, nothing else. */
export const dashboardBody = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject({ ...dashboardIdentity, ...shape });

export const listBody = dashboardBody({ starting_after: storableText(64).optional() });

export const disableBody = dashboardBody({ reason: storableText(500, { trim: true }).optional() });

/** The dashboard page kinds of `POST /stripe-app/<kind>/<id>/licenses`, with their id prefixes. */
export const OBJECT_KINDS = {
  subscriptions: { kind: 'subscription', id: stripeId('sub') },
  payment_intents: { kind: 'payment_intent', id: stripeId('pi') },
  invoices: { kind: 'invoice', id: stripeId('in') },
  checkout_sessions: { kind: 'checkout_session', id: stripeId('cs_(test|live)') },
  customers: { kind: 'customer', id: stripeId('cus') },
} as const;

/** "Create license" on a customer's page: the ledger's order, for that Stripe customer. */
export const createLicenseBody = dashboardBody({
  product: codeText,
  policy: codeText.optional(),
  quantity: z.int('must be an integer').min(1, 'must be at least 1').max(100, 'must be at most 100'),
  /** Needed only when the ledger does not know the Stripe customer yet. */
  email: z.email('must be an email address').max(320).optional(),
});

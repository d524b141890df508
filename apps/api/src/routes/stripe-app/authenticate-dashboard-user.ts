import { runAsActor } from '@licensync/core/history';
import { findStripeAccountWorkspace, findWorkspaceSlug } from '@licensync/core/workspaces';
import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { verifyStripeAppSignature } from '../../verify/verify-stripe-app-signature';
import { dashboardIdentity } from './dashboard-bodies';

export interface DashboardUser {
  /** The Stripe dashboard user (`usr_…`) who acts; the history names them `stripe-user:usr_…`. */
  userId: string;
  accountId: string;
  workspaceId: string;
  /** For the console links the answers carry (`?workspace=<slug>`). */
  workspaceSlug: string;
}

const bound = new WeakMap<Request, DashboardUser>();
const identity = z.looseObject(dashboardIdentity);

/**
 * Lets a request in only with a valid Stripe app signature for the user and account it names
 * (401 otherwise, before anything is read or written), then binds the workspace connected to that
 * account: the account decides what the request can see, never a parameter.
 */
export function authenticateDashboardUser(deps: Pick<AppDeps, 'config' | 'db' | 'stripe'>): RequestHandler {
  return async (req, res, next) => {
    const secret = deps.config.STRIPE_APP_SECRET;
    if (!secret) {
      return void res.status(503).json({ error: 'the Stripe app is not set up here: set STRIPE_APP_SECRET' });
    }
    const parsed = identity.safeParse(req.body);
    if (!parsed.success) {
      return void res.status(401).json({ error: 'the body needs the signed user_id and account_id' });
    }
    const { user_id: userId, account_id: accountId, mode } = parsed.data;
    const verified = verifyStripeAppSignature({
      stripe: deps.stripe,
      userId,
      accountId,
      header: req.get('stripe-signature'),
      secret,
      toleranceS: deps.config.WEBHOOK_TOLERANCE_SECONDS,
    });
    if (!verified.ok) return void res.status(401).json({ error: `bad signature: ${verified.error}` });
    const workspaceId = await findStripeAccountWorkspace(deps.db, accountId, mode);
    if (!workspaceId) {
      return void res.status(404).json({
        error: `no workspace is connected to Stripe account ${accountId}${mode ? ` in ${mode} mode` : ''}: connect it with POST /api/v1/connections/stripe`,
      });
    }
    const workspaceSlug = (await findWorkspaceSlug(deps.db, workspaceId)) ?? 'default';
    bound.set(req, { userId, accountId, workspaceId, workspaceSlug });
    runAsActor(`stripe-user:${userId}`, next, 'stripe');
  };
}

/** The signed-in dashboard user of a `/stripe-app/` request (after `authenticateDashboardUser`). */
export function dashboardUser(req: Request): DashboardUser {
  const user = bound.get(req);
  if (!user) throw new Error('dashboardUser() before authenticateDashboardUser');
  return user;
}

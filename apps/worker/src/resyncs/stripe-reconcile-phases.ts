import type { ResolvedScope, ResyncRun } from '@licensync/core/resyncs';
import { applyChargeRefund } from '../provisioning/apply-charge-refund';
import { applyDispute } from '../provisioning/apply-dispute';
import { provisionCheckoutSession } from '../provisioning/provision-checkout-session';
import { provisionOneOffInvoice } from '../provisioning/provision-one-off-invoice';
import type { ProvisioningContext } from '../provisioning/provisioning-context';
import { type ReconcileCounts, reconcileCountingChanges } from './reconcile-counting-changes';
import { emptyPager, type ReconcilePager } from './reconcile-page';
import type { ResyncDeps } from './resync-deps';
import { stripeCustomerOfScope } from './stripe-customer-of-scope';
import { stripeSubscriptionPages } from './stripe-subscription-pages';
import {
  checkoutSessionPages,
  disputePages,
  oneOffInvoicePages,
  refundedChargePages,
  type WindowQuery,
} from './stripe-window-pages';

/** Persisted in run checkpoints: renaming one strands the runs resuming in it. */
export const STRIPE_RECONCILE_PHASES = [
  'subscriptions',
  'checkout_sessions',
  'invoices',
  'refunds',
  'disputes',
] as const;
export type StripeReconcilePhase = (typeof STRIPE_RECONCILE_PHASES)[number];

/** The report counts each phase's items under one of these, besides the license changes. */
export type PhaseCount = 'subscriptions' | 'payments' | 'refunds' | 'disputes';

export interface ReconcilePhase {
  name: StripeReconcilePhase;
  pager: ReconcilePager;
  count: PhaseCount;
  /** The failed slice naming one item: `subscription:sub_…`, `charge:ch_…`. */
  slice: (id: string) => string;
  apply: (ctx: ProvisioningContext, id: string) => Promise<ReconcileCounts>;
}

const none: ReconcileCounts = { created: 0, enabled: 0, disabled: 0, extended: 0 };

/**
 * The phases of a stripe-reconcile, in order: every subscription of the scope, then the one-off
 * payments, refunds and disputes created in the `RESYNC_STRIPE_LOOKBACK_DAYS` before the run started
 * (fixed per run, so a resumed run lists what it was listing). Each item runs through the code its
 * live event runs. A record scope other than a customer only covers its subscription.
 */
export async function stripeReconcilePhases(
  run: ResyncRun,
  scope: ResolvedScope,
  deps: ResyncDeps,
): Promise<ReconcilePhase[]> {
  const { db, stripe, config } = deps;
  const input = { db, stripe, workspaceId: run.workspaceId, scope, pageSize: config.RESYNC_PAGE_SIZE };
  const customer = await stripeCustomerOfScope(input);
  const inWindow = scope.type === 'workspace' || typeof customer === 'string';
  const startedAt = (run.startedAt ?? new Date()).getTime();
  const query: WindowQuery = {
    stripe,
    since: Math.floor(startedAt / 1000) - config.RESYNC_STRIPE_LOOKBACK_DAYS * 86_400,
    customer: customer ?? undefined,
    pageSize: config.RESYNC_PAGE_SIZE,
  };
  const windowed = (pages: (q: WindowQuery) => ReconcilePager) => (inWindow ? pages(query) : emptyPager);
  return [
    {
      name: 'subscriptions',
      pager: await stripeSubscriptionPages(input),
      count: 'subscriptions',
      slice: (id) => `subscription:${id}`,
      apply: reconcileCountingChanges,
    },
    {
      name: 'checkout_sessions',
      pager: windowed(checkoutSessionPages),
      count: 'payments',
      slice: (id) => `checkout_session:${id}`,
      apply: async (ctx, id) => ({ ...none, created: (await provisionCheckoutSession(ctx, id)).created }),
    },
    {
      name: 'invoices',
      pager: windowed(oneOffInvoicePages),
      count: 'payments',
      slice: (id) => `invoice:${id}`,
      apply: async (ctx, id) => ({ ...none, created: (await provisionOneOffInvoice(ctx, id)).created }),
    },
    {
      name: 'refunds',
      pager: windowed(refundedChargePages),
      count: 'refunds',
      slice: (id) => `charge:${id}`,
      apply: async (ctx, id) => ({
        ...none,
        disabled: (await applyChargeRefund(ctx, id, { onlyUnrecorded: true })).disabled,
      }),
    },
    {
      name: 'disputes',
      pager: windowed(disputePages),
      count: 'disputes',
      slice: (id) => `dispute:${id}`,
      apply: async (ctx, id) => ({
        ...none,
        disabled: (await applyDispute(ctx, id, { onlyUnrecorded: true })).disabled,
      }),
    },
  ];
}

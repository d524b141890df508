import type { DbOrTx } from '@licensync/core/db';
import { classifyError } from '@licensync/core/errors';
import * as schema from '@licensync/core/schema';
import { eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { HandlerContext, StripeEventHandler } from '../stripe-events/stripe-event-handler';

export interface HandlersRun {
  /** `processed` when any handler (now or in an earlier round) acted on the event. */
  outcome: 'processed' | 'ignored';
  /** The failure to report when a handler failed: a transient one first, since a retry may fix it. */
  failure?: unknown;
  /** Handlers that ran this time, by name. */
  ran: string[];
}

/**
 * Runs each handler of one event on its own: a failing handler neither stops the others nor undoes
 * them. Each outcome is written to the inbox row as soon as the handler ends, keyed by the handler's
 * name, and a handler already done (processed or ignored in an earlier attempt or round) is skipped,
 * so a retry or a replay runs only the handlers that failed.
 */
export async function runEventHandlers(input: {
  db: DbOrTx;
  row: typeof schema.inboxEvents.$inferSelect;
  event: Stripe.Event;
  handlers: readonly StripeEventHandler<Stripe.Event>[];
  ctx: HandlerContext;
}): Promise<HandlersRun> {
  const { db, row, event, handlers, ctx } = input;
  const done = row.handlerOutcomes ?? {};
  let processed = false;
  const failures: unknown[] = [];
  const ran: string[] = [];
  for (const handler of handlers) {
    const name = handler.name;
    const previous = done[name];
    if (previous && previous.outcome !== 'failed') {
      processed ||= previous.outcome === 'processed';
      continue;
    }
    ran.push(name);
    let record: schema.HandlerOutcomeRecord;
    try {
      const outcome = await handler(event, ctx);
      processed ||= outcome === 'processed';
      record = { outcome, at: new Date().toISOString() };
    } catch (err) {
      failures.push(err);
      record = {
        outcome: 'failed',
        error: err instanceof Error ? err.message : String(err),
        at: new Date().toISOString(),
      };
    }
    await db
      .update(schema.inboxEvents)
      .set({
        handlerOutcomes: sql`${schema.inboxEvents.handlerOutcomes} || ${JSON.stringify({ [name]: record })}::jsonb`,
      })
      .where(eq(schema.inboxEvents.id, row.id));
  }
  const failure = failures.find((err) => classifyError(err) !== 'permanent') ?? failures[0];
  return { outcome: processed ? 'processed' : 'ignored', ran, ...(failures.length > 0 && { failure }) };
}

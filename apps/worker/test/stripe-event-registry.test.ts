import { describe, expect, it } from 'vitest';
import { runChargeRefunded } from '../src/stripe-events/charge-refunded.handler';
import { HANDLED_STRIPE_EVENTS, handlersFor, stripeEventHandlers } from '../src/stripe-events/index';
import { runInvoicePaid } from '../src/stripe-events/invoice-paid.handler';
import type { StripeEventRegistry } from '../src/stripe-events/stripe-event-handler';

describe('the Stripe event registry', () => {
  it('runs each event type through the handlers listed for it, in order', () => {
    expect(handlersFor('invoice.paid').map((h) => h.name)).toEqual(['runInvoicePaid', 'runMirrorInvoice']);
    expect(handlersFor('charge.refunded')).toEqual([runChargeRefunded]);
  });

  it('names every handler of an event uniquely: the name keys its recorded outcome', () => {
    for (const type of HANDLED_STRIPE_EVENTS) {
      const names = handlersFor(type).map((h) => h.name);
      expect(names.every((name) => /^run[A-Z]/.test(name))).toBe(true);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('has no handler for an event type nobody listed (it is marked ignored)', () => {
    expect(handlersFor('payout.paid')).toEqual([]);
    expect(HANDLED_STRIPE_EVENTS).not.toContain('payout.paid');
    expect(HANDLED_STRIPE_EVENTS).toHaveLength(Object.keys(stripeEventHandlers).length);
  });

  it('refuses at compile time a handler wired to an event it was not written for', () => {
    const wrong = {
      // @ts-expect-error runInvoicePaid takes an invoice.paid event, not charge.refunded
      'charge.refunded': [runInvoicePaid],
    } as const satisfies StripeEventRegistry;
    // `pnpm typecheck` fails if the line above ever compiles; at run time it is just data.
    expect(wrong['charge.refunded']).toHaveLength(1);
  });
});

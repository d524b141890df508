import type Stripe from 'stripe';
import { newId } from '../store/new-id.js';

export function buildRefund(
  charge: Stripe.Charge,
  input: { amount: number; reason?: Stripe.Refund.Reason | null; metadata?: Record<string, string> },
  now: number,
): Stripe.Refund {
  return {
    id: newId('re'),
    object: 'refund',
    amount: input.amount,
    balance_transaction: newId('txn'),
    charge: charge.id,
    created: now,
    currency: charge.currency,
    destination_details: { type: 'card', card: { type: 'refund' } } as Stripe.Refund.DestinationDetails,
    metadata: input.metadata ?? {},
    payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : null,
    reason: input.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}

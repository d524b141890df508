import type Stripe from 'stripe';
import { newId } from '../store/new-id.js';

export function buildDispute(
  charge: Stripe.Charge,
  input: { amount?: number; reason?: string },
  now: number,
): Stripe.Dispute {
  return {
    id: newId('dp'),
    object: 'dispute',
    amount: input.amount ?? charge.amount - charge.amount_refunded,
    balance_transactions: [],
    charge: charge.id,
    created: now,
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: {} as Stripe.Dispute.Evidence,
    evidence_details: {
      due_by: now + 7 * 86_400,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: typeof charge.payment_intent === 'string' ? charge.payment_intent : null,
    reason: input.reason ?? 'fraudulent',
    status: 'needs_response',
  };
}

import type Stripe from 'stripe';
import { newId } from '../store/new-id.js';

export interface CheckoutSessionInput {
  mode: Stripe.Checkout.Session.Mode;
  customer: Stripe.Customer | null;
  customerEmail: string | null;
  amountTotal: number;
  currency: string;
  paymentStatus: Stripe.Checkout.Session.PaymentStatus;
  paymentIntent: string | null;
  subscription: string | null;
  invoice: string | null;
  invoiceCreation: boolean;
  clientReferenceId?: string | null;
  metadata?: Record<string, string>;
}

/** A completed session; `line_items` are stored apart and only appear when expanded, as in Stripe. */
export function buildCheckoutSession(input: CheckoutSessionInput, now: number): Stripe.Checkout.Session {
  const id = newId('cs_test', 58);
  const email = input.customer?.email ?? input.customerEmail;
  return {
    id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: input.amountTotal,
    amount_total: input.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: 'https://example.com/cancel',
    client_reference_id: input.clientReferenceId ?? null,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency: input.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: input.customer?.id ?? null,
    customer_account: null,
    customer_creation: input.customer ? null : 'if_required',
    customer_details: {
      address: null,
      business_name: null,
      email,
      individual_name: null,
      name: input.customer?.name ?? null,
      phone: null,
      tax_exempt: 'none',
      tax_ids: [],
    },
    customer_email: input.customer ? null : input.customerEmail,
    discounts: [],
    expires_at: now + 86_400,
    invoice: input.invoice,
    invoice_creation:
      input.mode === 'payment'
        ? ({ enabled: input.invoiceCreation } as Stripe.Checkout.Session.InvoiceCreation)
        : null,
    livemode: false,
    locale: null,
    metadata: input.metadata ?? {},
    mode: input.mode,
    origin_context: null,
    payment_intent: input.paymentIntent,
    payment_link: null,
    payment_method_collection: 'always',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    payment_status: input.paymentStatus,
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'complete',
    submit_type: null,
    subscription: input.subscription,
    success_url: 'https://example.com/success',
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: null,
    wallet_options: null,
  };
}

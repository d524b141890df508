export { type BuildStripeEventOptions, buildStripeEvent } from './build-stripe-event.js';
export { createFakeStripe, type FakeStripe, type FakeStripeOptions } from './create-fake-stripe.js';
export { DEFAULT_STRIPE_API_VERSION } from './default-api-version.js';
export type { FailureRule } from './http/failure-injector.js';
export type { LoggedRequest as StripeLoggedRequest } from './http/request-log.js';
export { deliverStripeEvent, type SignedStripeEvent, signStripeEvent } from './signed-event.js';
export type { CheckoutInput, CheckoutResult } from './sim/checkout.actions.js';
export {
  createStripeSimulator,
  type StripeSimulator,
  type StripeSimulatorOptions,
} from './sim/create-stripe-simulator.js';
export type { ChargeTarget } from './sim/payment.actions.js';
export type { SimResult } from './sim/sim-runtime.js';

import type { Router } from '../http/router.js';
import { registerAccountRoutes } from './account.route.js';
import { registerCheckoutSessionRoutes } from './checkout-sessions.route.js';
import { registerCustomerRoutes } from './customers.route.js';
import { registerEventRoutes } from './events.route.js';
import { registerInvoicePaymentRoutes } from './invoice-payments.route.js';
import { registerInvoiceRoutes } from './invoices.route.js';
import { registerPaymentRoutes } from './payments.route.js';
import { registerPriceRoutes } from './prices.route.js';
import { registerProductRoutes } from './products.route.js';
import { registerRefundRoutes } from './refunds.route.js';
import { registerSubscriptionItemRoutes } from './subscription-items.route.js';
import { registerSubscriptionRoutes } from './subscriptions.route.js';
import { registerWebhookEndpointRoutes } from './webhook-endpoints.route.js';

/** Every endpoint the fake answers; anything else is Stripe's 404 "Unrecognized request URL". */
export function registerRoutes(router: Router): void {
  registerCustomerRoutes(router);
  registerProductRoutes(router);
  registerPriceRoutes(router);
  registerCheckoutSessionRoutes(router);
  registerInvoiceRoutes(router);
  registerInvoicePaymentRoutes(router);
  registerSubscriptionRoutes(router);
  registerSubscriptionItemRoutes(router);
  registerPaymentRoutes(router);
  registerRefundRoutes(router);
  registerEventRoutes(router);
  registerAccountRoutes(router);
  registerWebhookEndpointRoutes(router);
}

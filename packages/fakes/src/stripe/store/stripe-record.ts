/** Any stored Stripe object: the store only relies on these three fields. */
export interface StripeRecord {
  id: string;
  object: string;
  created?: number;
}

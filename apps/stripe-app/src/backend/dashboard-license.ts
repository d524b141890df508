/** A license as `/stripe-app/` answers it (the admin API's license JSON and the console link). */
export interface DashboardLicense {
  id: string;
  license_key: string | null;
  product: string;
  policy: string | null;
  license_type: string;
  enabled: boolean;
  disabled_reason: string | null;
  valid_until: string | null;
  maintenance_until: string | null;
  max_activations: number;
  floating_cloud: number | null;
  max_license_users: number | null;
  is_trial: boolean;
  consumption_total: number;
  customer: { id: string; email: string };
  stripe: {
    checkout_session: string | null;
    invoice: string | null;
    subscription: string | null;
    subscription_item: string | null;
    payment_intent: string | null;
    price: string | null;
  };
  features: { code: string; max_consumption: number | null }[];
  custom_fields: Record<string, string>;
  users: { email: string; is_manager: boolean }[];
  created_at: string;
  updated_at: string;
  console_url: string;
}

export interface DashboardProduct {
  short_code: string;
  name: string;
  default_policy: string | null;
  policies: { code: string; name: string; license_type: string }[];
}

/** The dashboard pages that list licenses, as the backend's paths name them. */
export type LicensedObjectKind =
  | 'subscriptions'
  | 'payment_intents'
  | 'invoices'
  | 'checkout_sessions'
  | 'customers';

/** The license part of every answer, as the server sends it (snake_case). */
export interface LicenseState {
  id: string;
  product: string;
  license_type: string;
  enabled: boolean;
  disabled_reason: string | null;
  is_trial: boolean;
  valid_until: string | null;
  maintenance_until: string | null;
  max_activations: number;
  activations_in_use: number;
  floating_cloud: number | null;
  floating_in_use: number;
  floating_timeout_minutes: number | null;
  features: unknown[];
  custom_fields: Record<string, string>;
  consumption: {
    total: number;
    max_consumptions: number | null;
    allow_overages: boolean;
    max_overages: number | null;
    period_started_at: string | null;
  };
}

export interface Activation {
  id: string;
  hardware_id: string;
  activated_at?: string;
}

export interface FloatingLease {
  license_id: string;
  hardware_id: string;
  expires_at: string;
  floating_cloud: number | null;
  floating_in_use: number;
}

/** What every signed answer carries besides its payload. */
export interface SignedEnvelope {
  ok: boolean;
  nonce: string | null;
  server_time: string;
}

/** A license key, or a license user's email and password (user products). */
export type LicenseCredentials = { licenseKey: string } | { email: string; password: string };

/** The result of `check()`: from the server now, or the last good check kept for the grace period. */
export interface CheckResult {
  license: LicenseState;
  activation: { id: string | null; hardware_id: string };
  source: 'online' | 'grace';
  /** When the server vouched for this state (its signed `server_time`). */
  checkedAt: Date;
  /** Set with `source: 'grace'`: until when the kept check may still be used. */
  graceUntil: Date | null;
}

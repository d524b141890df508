import type { Db } from '../db/client';
import type { LicenseCredentials } from './resolve-license';

/** What every license API call names: whose license, for which product, from which machine. */
export interface LicenseApiInput {
  db: Db;
  workspaceId: string;
  product: { id: string; shortCode: string };
  credentials: LicenseCredentials;
  hardwareId: string;
  now: Date;
}

/** The app making the call, for activation and maintenance. */
export interface AppFacts {
  appVersion?: string | null;
  os?: string | null;
  /** What the app says its release date is; used only for versions the vendor did not declare. */
  appReleasedAt?: Date | null;
}

/** A license API call with the app's facts: what most endpoints take. */
export type LicenseRequestBase = LicenseApiInput & AppFacts;

export const LICENSE_API_ACTOR = 'license-api';

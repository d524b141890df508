import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import type { Logger } from '@licensync/core/logging';
import type { Metrics } from '@licensync/core/metrics';
import type { Queues } from '@licensync/core/queues';
import type { SecretBox } from '@licensync/core/secrets';
import type Stripe from 'stripe';
import type { FailureAlerter } from './alerts/create-failure-alerter';
import type { WorkspaceStripe } from './clients/create-workspace-stripe';
import type { Mailer } from './deliveries/create-mailer';
import type { HubspotRuntime } from './hubspot/create-hubspot-runtime';
import type { ResyncDeps } from './resyncs/resync-deps';

/** Everything a job handler may use; built once per worker process by `createWorkerRuntime`. */
export interface WorkerDeps {
  config: Config;
  db: Db;
  logger: Logger;
  metrics: Metrics;
  /** The process-wide client (STRIPE_API_KEY); jobs of a workspace use `stripeFor`. */
  stripe: Stripe;
  stripeFor: WorkspaceStripe;
  secrets: SecretBox;
  queues: Queues;
  hubspot: HubspotRuntime;
  resyncs: ResyncDeps;
  alerts: FailureAlerter;
  /** Null while `SMTP_URL` is unset: delivery mails then stay pending. */
  mailer: Mailer | null;
}

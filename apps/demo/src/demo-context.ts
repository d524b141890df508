import type { Db } from '@licensync/core/db';
import type { StripeSimulator } from '@licensync/fakes/stripe';
import type Stripe from 'stripe';

/** What the story needs from a running stack; the demo and its test each provide one. */
export interface DemoContext {
  sim: StripeSimulator;
  db: Db;
  workspaceId: string;
  /** Delivers a step's events as signed webhooks and waits until the worker settled them. */
  play(events: Stripe.Event[]): Promise<void>;
  print(line: string): void;
}

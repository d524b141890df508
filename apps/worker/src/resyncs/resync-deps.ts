import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import type { Logger } from '@licensync/core/logging';
import type { Queues } from '@licensync/core/queues';
import type Stripe from 'stripe';
import type { RequestPacer } from './create-request-pacer';

/** What the resync jobs need; `stripe` is a client of their own so the pacer counts only theirs. */
export interface ResyncDeps {
  db: Db;
  stripe: Stripe;
  pacer: RequestPacer;
  queues: Queues;
  config: Config;
  logger: Logger;
  /** The client and pacer a run of this workspace uses: its own Stripe key's, else `stripe`/`pacer`. */
  forWorkspace(workspaceId: string): Promise<{ stripe: Stripe; pacer: RequestPacer }>;
  /** Aborted when the worker is stopping: a run ends at its next checkpoint (see `atCheckpoint`). */
  stopping: AbortSignal;
}

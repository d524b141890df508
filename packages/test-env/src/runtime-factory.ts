import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import type { Logger } from '@licensync/core/logging';

/**
 * How a test starts an app's runtime. The apps hand theirs in (`createApiRuntime`,
 * `createWorkerRuntime`): a package never imports an app, and this keeps each runtime's own type.
 */
export type RuntimeFactory<R> = (config: Config, logger: Logger) => Promise<R>;

/** What the shared helpers use of the api runtime. */
export interface ApiRuntimeLike {
  url: string;
  db: Db;
  workspaceId: string;
  close(): Promise<void>;
}

export interface Closable {
  close(): Promise<void>;
}

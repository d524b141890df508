import { type ApiRuntime, createApiRuntime } from '@licensync/api';
import {
  type StackOptions,
  startStack as startTestStack,
  type Stack as TestStack,
} from '@licensync/test-env';
import { createWorkerRuntime, type WorkerRuntime } from '@licensync/worker';
import { type CliRun, runCli } from './run-cli';

export interface Stack extends TestStack<ApiRuntime, WorkerRuntime> {
  /** `LICENSYNC_URL` and `LICENSYNC_ADMIN_TOKEN` for this stack's api, as an operator would set them. */
  cliEnv: Record<string, string>;
  /** Runs the CLI against this stack's api. */
  cli(...args: string[]): Promise<CliRun>;
}

/** Fake Stripe + api + in-process worker on an isolated database and queue prefix; no catalog loaded. */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const stack = await startTestStack(
    { createApi: createApiRuntime, createWorker: createWorkerRuntime },
    opts,
  );
  const cliEnv = { LICENSYNC_URL: stack.api.url, LICENSYNC_ADMIN_TOKEN: stack.env.config.ADMIN_TOKEN };
  return { ...stack, cliEnv, cli: (...args) => runCli(args, cliEnv) };
}

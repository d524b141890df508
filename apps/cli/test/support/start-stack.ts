// The api's test stack (fake Stripe + api + in-process worker), reached by path like the api's own
// tests reach the worker: a workspace dependency on the api's tests would be a cycle.
import { type Stack as ApiStack, startStack as startApiStack } from '../../../api/test/support/start-stack';
import { type CliRun, runCli } from './run-cli';

export interface Stack extends ApiStack {
  /** `LICENSYNC_URL` and `LICENSYNC_ADMIN_TOKEN` for this stack's api, as an operator would set them. */
  cliEnv: Record<string, string>;
  /** Runs the CLI against this stack's api. */
  cli(...args: string[]): Promise<CliRun>;
}

/** Fake Stripe + api + in-process worker on an isolated database and queue prefix; no catalog loaded. */
export async function startStack(): Promise<Stack> {
  const stack = await startApiStack();
  const cliEnv = { LICENSYNC_URL: stack.api.url, LICENSYNC_ADMIN_TOKEN: stack.env.config.ADMIN_TOKEN };
  return { ...stack, cliEnv, cli: (...args) => runCli(args, cliEnv) };
}

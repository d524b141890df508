import type { Command } from 'commander';
import { type ApiClient, createApiClient } from './api-client';

/** What every command needs, built once by `main.ts` from the process. */
export interface CliContext {
  env: Record<string, string | undefined>;
  /** Where relative paths are resolved (pnpm runs scripts in the package folder; `INIT_CWD` is the caller's). */
  cwd: string;
  print(text: string): void;
  /** Whether a progress bar would be seen. */
  interactive: boolean;
}

export const DEFAULT_URL = 'http://127.0.0.1:3000';

/** The api client for a command, from `--url`/`--token`, then the environment, then defaults. */
export function clientFor(command: Command, ctx: CliContext): ApiClient {
  const opts = command.optsWithGlobals<{ url?: string; token?: string; workspace?: string }>();
  return createApiClient({
    url: opts.url ?? ctx.env.LICENSYNC_URL ?? DEFAULT_URL,
    token: opts.token ?? ctx.env.LICENSYNC_ADMIN_TOKEN ?? ctx.env.ADMIN_TOKEN,
    workspace: opts.workspace ?? ctx.env.LICENSYNC_WORKSPACE,
  });
}

import { type AdminCall, adminCall } from './admin-call';
import { createTestEnv, type TestEnv } from './create-test-env';
import type { ApiRuntimeLike, RuntimeFactory } from './runtime-factory';

export interface ApiStack<A extends ApiRuntimeLike> {
  env: TestEnv;
  api: A;
  call: AdminCall;
  /** Closes the api, then drops the env. */
  close(): Promise<void>;
}

/** An api runtime (no worker: queued jobs stay queued) on an isolated database and queue prefix. */
export async function startApi<A extends ApiRuntimeLike>(
  createApi: RuntimeFactory<A>,
  envOverrides: Record<string, string> = {},
): Promise<ApiStack<A>> {
  const env = await createTestEnv(envOverrides);
  const api = await createApi(env.config, env.logger);
  return {
    env,
    api,
    call: adminCall(api.url, env.config.ADMIN_TOKEN),
    async close() {
      await api.close();
      await env.cleanup();
    },
  };
}

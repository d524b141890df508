import { createTestEnv, type TestEnv } from '@licensync/testkit';
import { type ApiRuntime, createApiRuntime } from '../../src/create-api-runtime';

/**
 * Calls the admin API (`/api/v1…`) with the admin token. A string `body` is sent as it is, anything
 * else as JSON; `headers` win over the defaults (e.g. another `authorization` or `content-type`).
 */
export type AdminCall = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
  // biome-ignore lint/suspicious/noExplicitAny: responses are checked by the assertions, not by types
) => Promise<{ status: number; body: any }>;

export interface ApiStack {
  env: TestEnv;
  api: ApiRuntime;
  call: AdminCall;
  /** Closes the api, then drops the env. */
  close(): Promise<void>;
}

export function adminCall(apiUrl: string, token: string): AdminCall {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(`${apiUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
}

/** An api runtime (no worker: queued jobs stay queued) on an isolated database and queue prefix. */
export async function startApi(envOverrides: Record<string, string> = {}): Promise<ApiStack> {
  const env = await createTestEnv(envOverrides);
  const api = await createApiRuntime(env.config, env.logger);
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

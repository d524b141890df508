import { startApi as startTestApi, type ApiStack as TestApiStack } from '@licensync/test-env';
import { type ApiRuntime, createApiRuntime } from '../../src/create-api-runtime';

export type ApiStack = TestApiStack<ApiRuntime>;

/** An api runtime (no worker: queued jobs stay queued) on an isolated database and queue prefix. */
export function startApi(envOverrides: Record<string, string> = {}): Promise<ApiStack> {
  return startTestApi(createApiRuntime, envOverrides);
}

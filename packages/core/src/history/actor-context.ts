import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who an operator's request acts as (`admin-token`, `key:<name>`), carried through the async calls
 * of that request so `recordActivity` can write it without every domain function taking it.
 */
const actors = new AsyncLocalStorage<string>();

export function runAsActor<T>(actor: string, fn: () => T): T {
  return actors.run(actor, fn);
}

export function currentActor(): string | null {
  return actors.getStore() ?? null;
}

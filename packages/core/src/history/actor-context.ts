import { AsyncLocalStorage } from 'node:async_hooks';

interface ActingAs {
  actor: string;
  client: string | undefined;
}

/**
 * Who an operator's request acts as (`admin-token`, `key:<name>`) and the client it came through
 * (`cli`, `hubspot`, …), carried through the async calls of that request so `recordActivity` can
 * write them without every domain function taking them.
 */
const acting = new AsyncLocalStorage<ActingAs>();

export function runAsActor<T>(actor: string, fn: () => T, client?: string): T {
  return acting.run({ actor, client }, fn);
}

export function currentActor(): string | null {
  return acting.getStore()?.actor ?? null;
}

/** The client the current request said it is; undefined outside a request or when it said nothing. */
export function currentClient(): string | undefined {
  return acting.getStore()?.client;
}

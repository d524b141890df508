export interface FailNextOptions {
  /** HTTP status to answer with (default 503). */
  status?: 500 | 502 | 503 | 504;
  /** Only requests whose `METHOD /path` matches; every request when omitted. */
  path?: RegExp;
  /**
   * Apply the request, then answer the error: the write landed but the client never heard. Tests
   * retry-after-partial-failure idempotency. Default false (the request is not applied).
   */
  afterWrite?: boolean;
}

interface Fault {
  kind: 'error' | '429';
  remaining: number;
  status: number;
  path?: RegExp;
  afterWrite: boolean;
}

/** Queued failures, consumed in order by the requests they match. */
export function createFaultInjector() {
  let faults: Fault[] = [];
  const take = (kind: Fault['kind'], target: string, afterWrite: boolean) => {
    const fault = faults.find(
      (f) => f.kind === kind && f.afterWrite === afterWrite && (!f.path || f.path.test(target)),
    );
    if (!fault) return undefined;
    fault.remaining--;
    faults = faults.filter((f) => f.remaining > 0);
    return fault;
  };
  return {
    failNext(count: number, options: FailNextOptions = {}) {
      faults.push({
        kind: 'error',
        remaining: count,
        status: options.status ?? 503,
        path: options.path,
        afterWrite: options.afterWrite ?? false,
      });
    },
    force429(count: number, options: { path?: RegExp } = {}) {
      faults.push({ kind: '429', remaining: count, status: 429, path: options.path, afterWrite: false });
    },
    take429: (target: string) => take('429', target, false),
    takeError: (target: string, afterWrite: boolean) => take('error', target, afterWrite),
    reset() {
      faults = [];
    },
  };
}

export type FaultInjector = ReturnType<typeof createFaultInjector>;

/** One request the fake answered, for assertions and the OpenAPI contract check. */
export interface LoggedRequest {
  method: string;
  /** Pathname without the query string. */
  path: string;
  query: Record<string, string[]>;
  /** `METHOD /template` of the matched route, or undefined when no route matched. */
  endpoint?: string;
  portalId?: number;
  status: number;
  /** Parsed JSON body (raw text when it did not parse; undefined when empty). */
  body: unknown;
  responseBody: unknown;
  at: Date;
}

export function createRequestLog() {
  let entries: LoggedRequest[] = [];
  return {
    add(entry: LoggedRequest) {
      entries.push(entry);
    },
    all: (): LoggedRequest[] => [...entries],
    /** Requests whose endpoint equals `pattern`, or whose endpoint or `METHOD /path` matches it. */
    count(pattern: string | RegExp) {
      return entries.filter((e) =>
        typeof pattern === 'string'
          ? e.endpoint === pattern
          : pattern.test(e.endpoint ?? '') || pattern.test(`${e.method} ${e.path}`),
      ).length;
    },
    counts() {
      const counts: Record<string, number> = {};
      for (const e of entries) {
        const key = e.endpoint ?? `${e.method} ${e.path}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    },
    clear() {
      entries = [];
    },
  };
}

export type RequestLog = ReturnType<typeof createRequestLog>;

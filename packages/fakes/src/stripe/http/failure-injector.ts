/** A scripted failure: the next `remaining` matching requests answer `status` without running. */
export interface FailureRule {
  /** HTTP status to answer with. Default 500. */
  status?: number;
  /** Only requests whose path starts with this string (or matches this pattern) fail. Default: any. */
  path?: string | RegExp;
  /** Error message in the body. Default depends on the status. */
  message?: string;
}

export interface FailureInjector {
  failNext(count: number, rule?: FailureRule): void;
  /** Consumes and returns the first rule matching this request, if any. */
  take(path: string): (Required<Pick<FailureRule, 'status'>> & FailureRule) | undefined;
  clear(): void;
}

export function createFailureInjector(): FailureInjector {
  const rules: { remaining: number; rule: FailureRule }[] = [];
  const matches = (rule: FailureRule, path: string) =>
    rule.path === undefined ||
    (typeof rule.path === 'string' ? path.startsWith(rule.path) : rule.path.test(path));

  return {
    failNext(count, rule = {}) {
      if (count > 0) rules.push({ remaining: count, rule });
    },
    take(path) {
      const entry = rules.find((candidate) => matches(candidate.rule, path));
      if (!entry) return undefined;
      entry.remaining -= 1;
      if (entry.remaining === 0) rules.splice(rules.indexOf(entry), 1);
      return { ...entry.rule, status: entry.rule.status ?? 500 };
    },
    clear() {
      rules.length = 0;
    },
  };
}

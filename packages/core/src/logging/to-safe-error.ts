/** What a logged error keeps: its kind, message and stack, never the values it carried. */
export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  cause?: SafeError;
}

// drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <every bound value>" (emails, payloads).
const PARAMS = /\nparams: [\s\S]*?(?=\n {4}at |$)/;

/**
 * An error as the logs show it. Only named fields are copied: pino's default serializer copies
 * every enumerable property, so a query's `params`, body-parser's `body` and Stripe's `payload`
 * reached the log whole, and the message repeated the parameters a second and third time.
 */
export function toSafeError(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) return { type: typeof err, message: scrub(String(err)) };
  const safe: SafeError = {
    type: err.constructor?.name ?? 'Error',
    message: scrub(err.message),
    stack: err.stack === undefined ? undefined : scrub(err.stack),
  };
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') safe.code = String(code);
  if (err.cause !== undefined && depth < 3) safe.cause = toSafeError(err.cause, depth + 1);
  return safe;
}

/** Drops the bound parameters a failed query's text carries. */
export function scrub(text: string): string {
  return text.replace(PARAMS, '\nparams: [redacted]');
}

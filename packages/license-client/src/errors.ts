/** The server refused, in a signed answer: the reason code is stable (see the license API docs). */
export class LicenseRefusedError extends Error {
  override name = 'LicenseRefusedError';

  constructor(
    /** `license_disabled`, `license_expired`, `activations_exhausted`, `floating_seats_full`, … */
    readonly reason: string,
    message: string,
    readonly status: number,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The request itself was bad (400) or the product unknown (404). */
export class LicenseRequestError extends Error {
  override name = 'LicenseRequestError';

  constructor(
    readonly reason: string,
    message: string,
    readonly status: number,
    /** Seconds to wait, when the server said (`Retry-After`). */
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
  }
}

/**
 * The answer did not come from the license server: no signature, a signature that does not
 * verify under the pinned public key, or a replayed answer (another nonce). Never trusted, and
 * never a reason to fall back on the grace period.
 */
export class ForgedAnswerError extends Error {
  override name = 'ForgedAnswerError';
}

/**
 * The server could not be reached (network, timeout, 5xx) or is rate limiting this app (429),
 * and no grace covers it.
 */
export class LicenseUnreachableError extends Error {
  override name = 'LicenseUnreachableError';

  constructor(
    message: string,
    /** The last good check, when there was one but its grace ran out. */
    readonly lastCheckedAt: Date | null = null,
    /** Seconds the server asked to wait (`Retry-After` of a 429); no request is sent before. */
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
  }
}

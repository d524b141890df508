/**
 * A well-formed request the ledger cannot carry out as asked (a company with no name, a field the
 * license's type does not allow, an idempotency key reused with another body). `field` names what
 * to change, as the caller wrote it; the admin API answers 422.
 */
export class UnprocessableError extends Error {
  override name = 'UnprocessableError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

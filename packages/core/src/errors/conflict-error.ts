/** A create whose natural key (short_code, policy code, …) is taken; the admin API answers 409. */
export class ConflictError extends Error {
  override name = 'ConflictError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

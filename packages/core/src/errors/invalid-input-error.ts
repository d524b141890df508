import { PermanentError } from './permanent-error';

/**
 * Input that breaks a rule. `fields` maps each offending field, by its snake_case path as the
 * caller wrote it (`products[2].policies[0].license_type`), to what is wrong with it; the admin
 * API answers it as a 400.
 */
export class InvalidInputError extends PermanentError {
  override name = 'InvalidInputError';

  constructor(readonly fields: Record<string, string>) {
    super(
      `invalid input: ${Object.entries(fields)
        .map(([field, problem]) => `${field} ${problem}`)
        .join('; ')}`,
    );
  }
}

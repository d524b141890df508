import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '@licensync/core/errors';
import type { ErrorRequestHandler } from 'express';
import { refusal } from './console-auth';

/**
 * The admin API's expected failures, as pages: a bad field says which and why (400/422), an id of
 * another workspace or none is a 404, a clash a 409. Anything else goes on to the app's handler.
 */
export function consoleErrorHandler(): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (err instanceof InvalidInputError) {
      const fields = Object.entries(err.fields).map(([f, p]) => `${f}: ${p}`);
      return refusal(res, 400, 'Not saved', `Check the form — ${fields.join('; ')}`);
    }
    if (err instanceof UnprocessableError) return refusal(res, 422, 'Not saved', err.message);
    if (err instanceof NotFoundError) return refusal(res, 404, 'Not found', err.message);
    if (err instanceof ConflictError) return refusal(res, 409, 'Not saved', err.message);
    if (typeof err?.type === 'string' && err.type.startsWith('entity.')) {
      return refusal(res, err.type === 'entity.too.large' ? 413 : 400, 'Not saved', String(err.message));
    }
    next(err);
  };
}

import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '@licensync/core/errors';
import type { ErrorRequestHandler } from 'express';

/**
 * Answers the admin API's expected failures in one shape, `{ error, fields? }`, where `fields`
 * maps each offending field to its problem. Anything unexpected goes on to the app's handler.
 */
export function adminErrorHandler(): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (err instanceof InvalidInputError) {
      return void res.status(400).json({ error: 'invalid request', fields: err.fields });
    }
    if (err instanceof UnprocessableError) {
      return void res.status(422).json({ error: err.message, fields: { [err.field]: err.message } });
    }
    if (err instanceof NotFoundError) return void res.status(404).json({ error: err.message });
    if (err instanceof ConflictError) {
      return void res.status(409).json({ error: err.message, fields: { [err.field]: 'already exists' } });
    }
    // body-parser marks its own failures (malformed JSON, wrong charset, too large) with a type.
    if (typeof err?.type === 'string' && err.type.startsWith('entity.')) {
      const status = err.type === 'entity.too.large' ? 413 : 400;
      const problem = err.type === 'entity.parse.failed' ? 'is not valid JSON' : String(err.message);
      return void res.status(status).json({ error: 'invalid request', fields: { body: problem } });
    }
    next(err);
  };
}

import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '@licensync/core/errors';
import type { ErrorRequestHandler } from 'express';
import { sendHubspotError } from '../send-hubspot-error';

/** The card endpoints' expected failures in their one shape; anything else goes on to the app's handler. */
export function cardErrorHandler(): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (err instanceof InvalidInputError)
      return void res
        .status(400)
        .json({ error: { code: 'invalid_request', message: 'invalid request', fields: err.fields } });
    if (err instanceof UnprocessableError)
      return void res.status(422).json({
        error: { code: 'unprocessable', message: err.message, fields: { [err.field]: err.message } },
      });
    if (err instanceof NotFoundError) return sendHubspotError(res, 404, 'not_found', err.message);
    if (err instanceof ConflictError) return sendHubspotError(res, 409, 'conflict', err.message);
    next(err);
  };
}

import type { Logger } from '@licensync/core/logging';
import type { ErrorRequestHandler } from 'express';

/**
 * Body-parser errors become the 4xx they are (413 too large, 400 malformed); anything else is a
 * bug and answers 500 with no internals.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (status === 413) return void res.status(413).json({ error: 'request body is larger than 1 MB' });
    if (status >= 400 && status < 500) return void res.status(status).json({ error: err.message });
    // Serialized by toSafeError: type, message and stack, without the values a query carried.
    logger.error({ err, reqId: req.id, path: req.path }, 'unhandled error');
    res.status(500).json({ error: 'internal error' });
  };
}

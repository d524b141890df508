import { randomUUID } from 'node:crypto';
import type { Logger } from '@licensync/core/logging';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';

const QUIET = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One line per request: method, path, status, time, request id. The query string is left out
 * (`/history?customer_email=…` would put an email in the log) and so are bodies and headers (the
 * client address is logged, after `TRUST_PROXY`);
 * probes and scrapes are not logged at all. The id is answered as `x-request-id`.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (req) => QUIET.has((req.url ?? '').split('?')[0] ?? '') },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      // `ip` is express's req.ip: the socket's address, or the client's as told by a trusted proxy.
      req: (req: { id: unknown; method: string; url: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
        ip: req.ip,
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    wrapSerializers: false,
  }) as RequestHandler;
}

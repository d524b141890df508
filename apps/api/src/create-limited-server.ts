import { createServer, type Server } from 'node:http';
import type { Config } from '@licensync/core/config';
import type { Express } from 'express';

/**
 * An HTTP server with the limits that cut off slow or bloated clients: the whole request within
 * `HTTP_REQUEST_TIMEOUT_MS`, headers within `HTTP_HEADERS_TIMEOUT_MS` (both answered 408 and
 * closed), headers of at most 16 KB (431). Node checks the timeouts every
 * `connectionsCheckingInterval`, 30 s by default: far too coarse for a 10 s limit.
 */
export function createLimitedServer(app: Express, config: Config): Server {
  const server = createServer(
    {
      requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeout: Math.min(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_REQUEST_TIMEOUT_MS),
      connectionsCheckingInterval: Math.min(1000, config.HTTP_HEADERS_TIMEOUT_MS),
      maxHeaderSize: 16 * 1024,
    },
    app,
  );
  // Extra header lines beyond this are dropped rather than parsed into objects.
  server.maxHeadersCount = 200;
  return server;
}

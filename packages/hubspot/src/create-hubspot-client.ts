import { Client } from '@hubspot/api-client';

/**
 * One SDK client per connection. SDK retries stay off: its retry loop sleeps 10 s per 429, ignores
 * `Retry-After` and lives in a process-wide singleton shared by every client; our caller retries.
 */
export function createHubspotClient(opts: { accessToken: string; basePath?: string | undefined }): Client {
  return new Client({
    accessToken: opts.accessToken,
    numberOfApiCallRetries: 0,
    ...(opts.basePath && { basePath: opts.basePath.replace(/\/$/, '') }),
  });
}

import type { Config } from '@licensync/core/config';
import express, { type RequestHandler } from 'express';
import { checkHubspotSignature } from './check-hubspot-signature';
import { sendHubspotError } from './send-hubspot-error';

/** `hubspot.fetch` refuses payloads over 1 MB each way; nothing HubSpot sends us is larger. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface VerifyHubspotSignatureOptions {
  /** Accept the legacy v2 signature when no v3 one is sent (the workflow action's endpoint only). */
  acceptV2?: boolean;
  now?: () => number;
}

/**
 * Reads the raw body, checks HubSpot's signature against `PUBLIC_URL` + the path and query as
 * received (HubSpot signs the URL it called, so it must not be rebuilt from `Host`), then parses
 * the JSON. Unsigned, badly signed or stale → 401 before anything is read from the database.
 */
export function verifyHubspotSignature(
  config: Pick<Config, 'PUBLIC_URL' | 'HUBSPOT_CLIENT_SECRET'>,
  options: VerifyHubspotSignatureOptions = {},
): RequestHandler[] {
  const base = config.PUBLIC_URL.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const verify: RequestHandler = (req, res, next) => {
    const clientSecret = config.HUBSPOT_CLIENT_SECRET;
    if (!clientSecret)
      return sendHubspotError(
        res,
        503,
        'hubspot_app_not_configured',
        'HUBSPOT_CLIENT_SECRET is not set, so no HubSpot request can be verified',
      );
    const rawBody: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const check = checkHubspotSignature(
      { method: req.method, url: base + req.originalUrl, rawBody, header: (name) => req.get(name) },
      { clientSecret, nowMs: now(), acceptV2: options.acceptV2 ?? false },
    );
    if (!check.ok) return sendHubspotError(res, 401, 'bad_signature', check.reason);
    res.locals.hubspotSignature = check.version;
    if (rawBody.length === 0) {
      req.body = {};
      return next();
    }
    try {
      req.body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return sendHubspotError(res, 400, 'invalid_json', 'the body is not valid JSON');
    }
    next();
  };
  return [express.raw({ type: () => true, limit: MAX_BODY_BYTES }), verify];
}

import { HubspotRequestError } from './hubspot-request-error';

const MISSING_PROPERTY = /PROPERTY_DOESNT_EXIST/;
const UNKNOWN_OBJECT_TYPE = /Unable to infer object type/i;

/** 401/403: the token was revoked or lacks a scope; every call of the connection will fail alike. */
export function isConnectionError(err: unknown): err is HubspotRequestError {
  return err instanceof HubspotRequestError && (err.status === 401 || err.status === 403);
}

/** A message naming a property HubSpot does not have (a 207 entry or a whole-request 400). */
export const namesMissingProperty = (message: string) => MISSING_PROPERTY.test(message);

/**
 * Our schema is gone from the portal under us: a property (400 PROPERTY_DOESNT_EXIST) or a custom
 * object (400/404 "Unable to infer object type") was deleted in HubSpot. Redeploying fixes it.
 */
export function isSchemaDriftError(err: unknown): err is HubspotRequestError {
  if (!(err instanceof HubspotRequestError) || (err.status !== 400 && err.status !== 404)) return false;
  const text = `${err.message} ${JSON.stringify(err.body ?? '')}`;
  return namesMissingProperty(text) || UNKNOWN_OBJECT_TYPE.test(text);
}

/**
 * HubSpot refused a whole batch for what may be one input's fault (a 400 instead of a 207): worth
 * splitting to find the culprit. Schema drift is not: every input would fail alike.
 */
export function isInvalidBatchError(err: unknown): err is HubspotRequestError {
  return err instanceof HubspotRequestError && err.status === 400 && !isSchemaDriftError(err);
}

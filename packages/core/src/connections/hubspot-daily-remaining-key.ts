/**
 * Redis key holding a portal's last seen `X-HubSpot-RateLimit-Daily-Remaining`, written by the
 * worker's HubSpot caller and read by `GET /api/v1/connections`. Persisted by name: both sides
 * must agree, so only this function builds it.
 */
export const hubspotDailyRemainingKey = (prefix: string, portalId: string) =>
  `${prefix}:hubspot-rate:${portalId}:daily-remaining`;

/** What an operator does about a connection's state; null when nothing needs doing. Pure. */
export function toConnectionFix(
  kind: 'hubspot' | 'stripe',
  state: string,
  reason: string | null,
): string | null {
  if (state === 'active' || state === 'connected') return null;
  if (kind === 'stripe')
    return 'Check the key in the Stripe dashboard and POST /api/v1/connections/stripe again.';
  if (state === 'disconnected') {
    return /refresh|revoked|uninstall|invalid_grant/i.test(reason ?? '')
      ? 'HubSpot no longer accepts our tokens: install the app again (“Install again” on the console’s Connections page, or /connections/hubspot/install).'
      : 'Reconnect at /connections/hubspot/install; parked work resumes once connected.';
  }
  if (/401|unauthori[sz]ed|expired/i.test(reason ?? ''))
    return 'The token was refused: set a valid HUBSPOT_ACCESS_TOKEN (or reinstall the app) and restart the worker.';
  if (/403|scope/i.test(reason ?? ''))
    return 'The token lacks a scope licensync needs (see README, HubSpot scopes): grant it and reconnect.';
  return 'See the last error; the worker retries the connection by itself.';
}

/**
 * The manifest constant holding the licensync deployment the views call; written by
 * `pnpm --filter @licensync/stripe-app configure <url>`, read from `environment.constants`.
 */
export const BACKEND_URL_CONSTANT = 'LICENSYNC_URL';

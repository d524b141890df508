import type { ExtensionContextValue } from '@stripe/ui-extension-sdk/context';
import { fetchStripeSignature } from '@stripe/ui-extension-sdk/utils';
import { BACKEND_URL_CONSTANT } from './backend-url-constant';
import { createLicensyncClient, type LicensyncClient } from './create-licensync-client';

/**
 * The backend client of a view, from its context: the deployment the manifest names and the
 * signed-in user. A string says why there is none, for the view's error state.
 */
export function clientForContext(context: ExtensionContextValue): LicensyncClient | string {
  const constants = context.environment.constants as Record<string, unknown> | undefined;
  const baseUrl = constants?.[BACKEND_URL_CONSTANT];
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    return 'This app does not know its licensync deployment: run `pnpm --filter @licensync/stripe-app configure <url>` and upload it again.';
  }
  const userId = context.userContext.id;
  if (!userId) return 'The dashboard did not say who is signed in; reload the page.';
  return createLicensyncClient({
    baseUrl,
    identity: { user_id: userId, account_id: context.userContext.account.id, mode: context.environment.mode },
    sign: () => fetchStripeSignature(),
  });
}

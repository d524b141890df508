import { createHubspotClient } from '@licensync/hubspot';
import { adminCall } from '@licensync/test-env';
import { type HubspotStack, startHubspotStack } from './start-hubspot-stack';

/** The HubSpot app's client secret and public URL in these tests; requests are signed with them. */
export const APP = { clientSecret: 'hs-app-secret-test', publicUrl: 'https://licensync.test' };

/** A HubSpot stack with the api answering HubSpot's signed requests, and the `pro` product. */
export async function startHubspotAppStack(env: Record<string, string> = {}) {
  const stack = await startHubspotStack({
    api: true,
    env: { HUBSPOT_CLIENT_SECRET: APP.clientSecret, PUBLIC_URL: APP.publicUrl, ...env },
  });
  const call = adminCall(stack.api!.url, stack.env.config.ADMIN_TOKEN);
  const imported = await call('POST', '/catalog/import', {
    products: [
      {
        short_code: 'pro',
        name: 'Pro',
        authorization_method: 'license-key',
        policies: [
          {
            code: 'annual',
            name: 'Annual',
            license_type: 'time-limited',
            valid_duration: '1y',
            is_default: true,
          },
          { code: 'forever', name: 'Forever', license_type: 'perpetual' },
        ],
      },
    ],
  });
  if (imported.status >= 300) throw new Error(`catalog import: ${JSON.stringify(imported.body)}`);
  const sdk = createHubspotClient({ accessToken: stack.fake.defaultPortal.token, basePath: stack.fake.url });
  return {
    stack,
    call,
    sdk,
    caller: { apiUrl: stack.api!.url, publicUrl: APP.publicUrl, clientSecret: APP.clientSecret },
    portalId: stack.fake.defaultPortal.portalId,
  };
}

export type HubspotAppStack = Awaited<ReturnType<typeof startHubspotAppStack>>;
export type { HubspotStack };

/** A "Create License" execution request as HubSpot sends it (see the facts file §5). */
export function workflowExecution(
  app: { portalId: number },
  opts: {
    callbackId: string;
    objectType?: 'CONTACT' | 'COMPANY' | 'DEAL';
    objectId?: string;
    properties?: Record<string, string>;
    inputFields?: Record<string, string>;
    portalId?: number;
  },
) {
  return {
    callbackId: opts.callbackId,
    origin: {
      portalId: opts.portalId ?? app.portalId,
      actionDefinitionId: 10646377,
      actionDefinitionVersion: 1,
    },
    context: { source: 'WORKFLOWS', workflowId: 192814114 },
    object: {
      objectId: Number(opts.objectId ?? 904),
      objectType: opts.objectType ?? 'CONTACT',
      properties: opts.properties ?? {},
    },
    inputFields: { product: 'pro', ...opts.inputFields },
  };
}

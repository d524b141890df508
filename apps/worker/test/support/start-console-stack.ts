import { createFakeHubspot, type FakeHubspot } from '@licensync/fakes/hubspot';
import { freePort } from './free-port';
import { type Stack, startStack } from './start-stack';

const APP = { clientId: 'console-client', clientSecret: 'console-secret' };

export interface ConsoleStack {
  stack: Stack;
  /** Fake HubSpot with a registered OAuth app, not yet connected. */
  hubspot: FakeHubspot;
  /** The api's own URL, which is also PUBLIC_URL (OAuth callback, links written into HubSpot). */
  base: string;
  close(): Promise<void>;
}

/**
 * The api + worker stack with fake Stripe and fake HubSpot, on loopback, for the console's browser
 * tests. The port is picked first because PUBLIC_URL must name it before the api starts.
 */
export async function startConsoleStack(): Promise<ConsoleStack> {
  const hubspot = await createFakeHubspot();
  hubspot.oauth.registerApp(APP);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const stack = await startStack({
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: base,
      HUBSPOT_CLIENT_ID: APP.clientId,
      HUBSPOT_CLIENT_SECRET: APP.clientSecret,
      HUBSPOT_API_BASE: hubspot.url,
      HUBSPOT_AUTHORIZE_URL: hubspot.oauth.authorizeUrl(),
      HUBSPOT_SYNC_POLL_MS: '100',
    },
  });
  return {
    stack,
    hubspot,
    base,
    async close() {
      await stack.close();
      await hubspot.close();
    },
  };
}

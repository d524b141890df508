import { CARD_CATALOG, CLIENT_SECRET, cardFetch, connectPortal, PORTAL } from './hubspot-cards-fixtures';
import { type ApiStack, startApi } from './start-api';

/** An api with the card catalog and portal PORTAL connected, a signed card client, and order helpers. */
export async function startCardStack() {
  const stack: ApiStack = await startApi({ HUBSPOT_CLIENT_SECRET: CLIENT_SECRET });
  const imported = await stack.call('POST', '/catalog/import', CARD_CATALOG);
  if (imported.status !== 200) throw new Error(`catalog import: ${JSON.stringify(imported.body)}`);
  await connectPortal(stack.api.db, stack.api.workspaceId, PORTAL);
  const card = cardFetch(stack);
  const pro = (await card('/products')).body.products.find(
    (p: { shortCode: string }) => p.shortCode === 'pro',
  );
  const policy = (code: string) => pro.policies.find((p: { code: string }) => p.code === code);
  const contactOrder = (
    objectId: string,
    record: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) =>
    card('/orders', {
      method: 'POST',
      body: {
        objectType: 'contact',
        objectId,
        record,
        productId: pro.id,
        policyId: policy('annual').id,
        quantity: 1,
        ...extra,
      },
    });
  return { stack, card, pro, policy, contactOrder, db: () => stack.api.db };
}

export type CardStack = Awaited<ReturnType<typeof startCardStack>>;

import { loadCatalog } from '@licensync/core/catalog';
import * as schema from '@licensync/core/schema';
import { lintPrice, type MetadataProblem, parseLicenseMetadata } from '@licensync/mappers';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { idOf } from '../provisioning/stripe-ids';
import type { HandlerContext, HandlerOutcome } from './stripe-event-handler';

/**
 * `price.created|updated`: checks the price's license metadata before anyone pays for it and
 * records the problems (`GET /api/v1/prices/problems`); a clean price clears its record.
 * Idempotent: the record is replaced by the latest check.
 */
export async function runPriceChanged(
  event: Stripe.PriceCreatedEvent | Stripe.PriceUpdatedEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  const price = await ctx.stripe.prices.retrieve(event.data.object.id, { expand: ['product'] });
  const first = parseLicenseMetadata(price);
  let authorizationMethod: 'license-key' | 'user' | undefined;
  const toRow = (p: MetadataProblem): schema.PriceProblem => ({
    attribute: p.attribute,
    rule: p.rule,
    message: p.message,
    ...(p.severity && { severity: p.severity }),
  });
  const problems: schema.PriceProblem[] = lintPrice(price).map(toRow);
  if (first.ok && !first.value.ignored) {
    const entry = (await loadCatalog(ctx.db, ctx.workspaceId, [first.value.shortCode])).get(
      first.value.shortCode,
    );
    if (!entry) {
      problems.push({
        attribute: 'short_code',
        rule: 'unknown-product',
        message: `price ${price.id}: short_code "${first.value.shortCode}" names no product in the catalog`,
      });
    } else {
      authorizationMethod = entry.product.authorizationMethod;
      // Knowing the product: user-only attributes and custom field names are checked against it.
      const customFieldNames = entry.customFields.map((f) => f.name);
      problems.push(...lintPrice(price, { authorizationMethod, customFieldNames }).map(toRow));
    }
  }
  const unique = [...new Map(problems.map((p) => [p.message, p])).values()];
  const { stripePriceProblems } = schema;
  const where = and(
    eq(stripePriceProblems.workspaceId, ctx.workspaceId),
    eq(stripePriceProblems.priceId, price.id),
  );
  if (unique.length === 0) {
    await ctx.db.delete(stripePriceProblems).where(where);
  } else {
    await ctx.db
      .insert(stripePriceProblems)
      .values({
        workspaceId: ctx.workspaceId,
        priceId: price.id,
        productId: idOf(price.product),
        problems: unique,
      })
      .onConflictDoUpdate({
        target: [stripePriceProblems.workspaceId, stripePriceProblems.priceId],
        set: { problems: unique, checkedAt: new Date(), productId: idOf(price.product) },
      });
  }
  return 'processed';
}

import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { deliveryTemplates, products } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { recordActivity } from '../history/record-activity';
import { DEFAULT_DELIVERY_TEMPLATE } from './default-delivery-template';
import type { DeliveryTemplateParts } from './delivery-view';
import { checkDeliveryTemplate } from './render-delivery-email';

/** Where a template in effect comes from. */
export type TemplateSource = 'product' | 'workspace' | 'default';

const scope = (workspaceId: string, productId: string | null) =>
  and(
    eq(deliveryTemplates.workspaceId, workspaceId),
    productId === null ? isNull(deliveryTemplates.productId) : eq(deliveryTemplates.productId, productId),
  );

/** The template a product's mail uses: its own, else the workspace's, else the built-in one. */
export async function resolveDeliveryTemplate(
  db: DbOrTx,
  workspaceId: string,
  productId: string | null,
): Promise<DeliveryTemplateParts & { source: TemplateSource }> {
  for (const [id, source] of [
    [productId, 'product'],
    [null, 'workspace'],
  ] as const) {
    if (id === null && source === 'product') continue;
    const [row] = await db.select().from(deliveryTemplates).where(scope(workspaceId, id));
    if (row) return { subject: row.subject, text: row.text, html: row.html, source };
  }
  return { ...DEFAULT_DELIVERY_TEMPLATE, source: 'default' };
}

/** Stores the workspace's template (`productId` null) or a product's, after checking it parses. */
export async function setDeliveryTemplate(
  db: DbOrTx,
  input: { workspaceId: string; productId: string | null; template: DeliveryTemplateParts; actor: string },
): Promise<void> {
  const { workspaceId, productId, template } = input;
  checkDeliveryTemplate(template);
  if (productId !== null) await requireProduct(db, workspaceId, productId);
  const [existing] = await db
    .select({ id: deliveryTemplates.id })
    .from(deliveryTemplates)
    .where(scope(workspaceId, productId));
  if (existing) {
    await db
      .update(deliveryTemplates)
      .set({ ...template, updatedAt: new Date() })
      .where(eq(deliveryTemplates.id, existing.id));
  } else {
    await db.insert(deliveryTemplates).values({ workspaceId, productId, ...template });
  }
  await recordActivity(db, {
    workspaceId,
    kind: 'delivery.template_set',
    subjects: [productId ? `product:${productId}` : `workspace:${workspaceId}`],
    outcome: 'ok',
    message: `delivery template ${productId ? `of product ${productId}` : 'of the workspace'} set by ${input.actor}`,
    detail: { actor: input.actor, subject: template.subject },
  });
}

/** Removes a stored template (the next one in line takes over); false when there was none. */
export async function deleteDeliveryTemplate(
  db: DbOrTx,
  workspaceId: string,
  productId: string | null,
): Promise<boolean> {
  const rows = await db.delete(deliveryTemplates).where(scope(workspaceId, productId)).returning();
  return rows.length > 0;
}

async function requireProduct(db: DbOrTx, workspaceId: string, productId: string): Promise<void> {
  const [row] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, productId)));
  if (!row) throw new NotFoundError(`product ${productId} not found`);
}

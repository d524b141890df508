import { parseInput } from '@licensync/core/catalog';
import { findRecordConnection, writeRecordLink } from '@licensync/core/customers';
import { UnprocessableError } from '@licensync/core/errors';
import { createOrder } from '@licensync/core/orders';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { hubspotCaller, toHubspotActor } from '../hubspot-caller';
import { cardOrderBody, companyRecord, contactRecord } from './card-bodies';
import { loadCardCatalog } from './load-card-catalog';
import { toCardLicenseJson } from './to-card-license-json';
import { toCardOrderInput, toOrderCustomer } from './to-card-order-input';

/**
 * Create License from a contact or company card. The order, its licenses, the customer (or
 * account) and the record's connection commit in one transaction, so a refused order ("Company
 * name can't be empty") leaves nothing behind; the licenses' sync intents are live, so they reach
 * HubSpot ahead of any backlog.
 */
export function orderCardsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db, config } = deps;
  router.post('/orders', async (req, res) => {
    const caller = hubspotCaller(res);
    const { workspaceId } = caller;
    const body = parseInput(cardOrderBody, req.body);
    const record =
      body.objectType === 'contact'
        ? { type: 'contact' as const, data: parseInput(contactRecord, body.record, 'record') }
        : { type: 'company' as const, data: parseInput(companyRecord, body.record, 'record') };
    const catalog = await loadCardCatalog(db, workspaceId);
    const entry = catalog.products.get(body.productId);
    if (!entry) throw new UnprocessableError('productId', `product ${body.productId} is not in the catalog`);
    const policy = body.policyId ? entry.policies.find((p) => p.id === body.policyId) : undefined;
    if (body.policyId && !policy)
      throw new UnprocessableError(
        'policyId',
        `policy ${body.policyId} is not a policy of ${entry.product.name}`,
      );
    const actor = toHubspotActor(caller);
    const created = await db.transaction(async (tx) => {
      const connection = await findRecordConnection(tx, workspaceId, record.type, body.objectId);
      const input = toCardOrderInput(body, toOrderCustomer(record, connection), {
        product: entry.product.shortCode,
        policy: policy?.code,
      });
      const made = await createOrder({
        db: tx,
        workspaceId,
        input,
        actor,
        idempotencyKey: body.requestId && `hubspot-card:${caller.portalId}:${body.requestId}`,
      });
      const entityId = record.type === 'contact' ? made.customerId : made.customerAccountId;
      if (!connection && entityId)
        await writeRecordLink(tx, { workspaceId, type: record.type, objectId: body.objectId, entityId });
      return made;
    });
    const customer = created.licenses[0]?.customer;
    res.status(201).json({
      order: { id: created.order.id },
      customer: customer ?? { id: created.customerId },
      customerAccountId: created.customerAccountId,
      licenses: created.licenses.map((l) => toCardLicenseJson(l, catalog, config.PUBLIC_URL)),
      connected: true,
    });
  });
  return router;
}

import { parseInput } from '@licensync/core/catalog';
import {
  connectHubspotRecord,
  detachRecordLink,
  findRecordConnection,
  getCustomer,
  HUBSPOT_RECORD_TYPE_ID,
  type RecordConnection,
} from '@licensync/core/customers';
import { listLicenses } from '@licensync/core/licenses';
import { getRecordSyncProgress, queueRecordSync } from '@licensync/core/resyncs';
import * as schema from '@licensync/core/schema';
import { and, count, eq } from 'drizzle-orm';
import { type Request, type Response, Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { hubspotCaller, toHubspotActor } from '../hubspot-caller';
import { sendHubspotError } from '../send-hubspot-error';
import {
  companyRecord,
  connectionBody,
  contactRecord,
  objectIdParam,
  objectTypeParam,
  recordLicensesQuery,
} from './card-bodies';
import { findSimilarCustomers } from './find-similar-customers';
import { loadCardCatalog } from './load-card-catalog';
import { toCardLicenseJson } from './to-card-license-json';

const NOT_CONNECTED =
  'This record is not connected to a licensync customer yet: create a license, or connect an existing customer.';

const recordOf = (req: Request) => ({
  type: parseInput(objectTypeParam, req.params.objectType, 'objectType'),
  objectId: parseInput(objectIdParam, req.params.objectId, 'objectId'),
});

/** A contact's or company's licenses, its connection to our customers, and "Sync licenses". */
export function recordCardsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db, config } = deps;
  const connectionOf = async (req: Request, res: Response) => {
    const { type, objectId } = recordOf(req);
    const { workspaceId } = hubspotCaller(res);
    return { type, objectId, connection: await findRecordConnection(db, workspaceId, type, objectId) };
  };

  router.get('/records/:objectType/:objectId/licenses', async (req, res) => {
    const { workspaceId } = hubspotCaller(res);
    const query = parseInput(recordLicensesQuery, req.query);
    const { connection } = await connectionOf(req, res);
    if (!connection)
      return void res.json({
        connected: false,
        licenses: [],
        total: 0,
        actions: ['create_license', 'connect_customer'],
        message: NOT_CONNECTED,
      });
    const filters =
      connection.kind === 'customer'
        ? { customerId: connection.customerId }
        : { customerAccountId: connection.accountId };
    const page = await listLicenses({
      db,
      workspaceId,
      filters,
      limit: query.limit,
      startingAfter: query.startingAfter,
    });
    const catalog = await loadCardCatalog(db, workspaceId);
    res.json({
      connected: true,
      ...(await ownerJson(workspaceId, connection)),
      licenses: page.data.map((l) => toCardLicenseJson(l, catalog, config.PUBLIC_URL)),
      total: await countLicenses(workspaceId, connection),
      hasMore: page.hasMore,
    });
  });

  router.get('/records/:objectType/:objectId/similar-customers', async (req, res) => {
    const { type } = recordOf(req);
    const customers = await findSimilarCustomers(db, hubspotCaller(res).workspaceId, type, req.query);
    res.json({ customers });
  });

  router.put('/records/:objectType/:objectId/connection', async (req, res) => {
    const caller = hubspotCaller(res);
    const { type, objectId } = recordOf(req);
    const body = parseInput(connectionBody, req.body);
    const record =
      type === 'contact'
        ? { type, ...parseInput(contactRecord, body.record, 'record') }
        : { type, ...parseInput(companyRecord, body.record, 'record') };
    const connected = await connectHubspotRecord({
      db,
      workspaceId: caller.workspaceId,
      objectId,
      entityId: body.customerId,
      record,
      replace: body.replace,
      actor: toHubspotActor(caller),
    });
    const connection: RecordConnection =
      type === 'contact'
        ? { kind: 'customer', customerId: connected.entityId }
        : { kind: 'customer_account', accountId: connected.entityId };
    res.json({
      connected: true,
      ...(await ownerJson(caller.workspaceId, connection)),
      changedFields: connected.changedFields,
      previousCustomerId: connected.previousEntityId,
    });
  });

  router.delete('/records/:objectType/:objectId/connection', async (req, res) => {
    const { type, objectId } = recordOf(req);
    const workspaceId = hubspotCaller(res).workspaceId;
    // Remembered, so the next sync does not match the customer to this record again by email/domain.
    const removed = await db.transaction((tx) => detachRecordLink(tx, workspaceId, type, objectId));
    if (!removed) return sendHubspotError(res, 404, 'not_connected', NOT_CONNECTED);
    res.json({ connected: false, disconnected: true });
  });

  router.post('/records/:objectType/:objectId/sync', async (req, res) => {
    const caller = hubspotCaller(res);
    const { type, objectId, connection } = await connectionOf(req, res);
    if (!connection) return sendHubspotError(res, 404, 'not_connected', NOT_CONNECTED);
    const queued = await queueRecordSync({
      db,
      workspaceId: caller.workspaceId,
      scope: `hubspot:${HUBSPOT_RECORD_TYPE_ID[type]}:${objectId}`,
      connection,
      requestedBy: toHubspotActor(caller),
    });
    res.status(202).json({
      syncId: queued.runId,
      queued: queued.licenses + queued.customers,
      licenses: queued.licenses,
      customers: queued.customers,
    });
  });

  router.get('/syncs/:syncId', async (req, res) => {
    const progress = await getRecordSyncProgress(db, hubspotCaller(res).workspaceId, req.params.syncId);
    res.json({ syncId: req.params.syncId, ...progress });
  });

  async function ownerJson(workspaceId: string, connection: RecordConnection) {
    if (connection.kind === 'customer') {
      const { customer: c, account } = await getCustomer({
        db,
        workspaceId,
        customerId: connection.customerId,
      });
      return {
        customer: { id: c.id, email: c.email, name: c.name },
        account: account && { id: account.id, name: account.name, domain: account.domain },
      };
    }
    const [a] = await db
      .select()
      .from(schema.customerAccounts)
      .where(
        and(
          eq(schema.customerAccounts.workspaceId, workspaceId),
          eq(schema.customerAccounts.id, connection.accountId),
        ),
      );
    return { customer: null, account: a ? { id: a.id, name: a.name, domain: a.domain } : null };
  }

  async function countLicenses(workspaceId: string, connection: RecordConnection) {
    const owner =
      connection.kind === 'customer'
        ? eq(schema.licenses.customerId, connection.customerId)
        : eq(schema.licenses.customerAccountId, connection.accountId);
    const [row] = await db
      .select({ n: count() })
      .from(schema.licenses)
      .where(and(eq(schema.licenses.workspaceId, workspaceId), owner));
    return row?.n ?? 0;
  }

  return router;
}

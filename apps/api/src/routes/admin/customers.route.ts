import { parseInput } from '@licensync/core/catalog';
import { getCustomer, searchCustomers, updateCustomer } from '@licensync/core/customers';
import { listLicenses } from '@licensync/core/licenses';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { customerLicensesQuery, customerPatchBody, customerSearchQuery } from './customer-bodies';
import { requestActor } from './request-actor';
import { requestWorkspace } from './request-workspace';
import { toCustomerDetailsJson, toCustomerJson } from './to-customer-json';
import { toLicenseJson } from './to-license-json';

/** Customers: search (closest first), read with their HubSpot records, edit, and their licenses. */
export function customersRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.get('/customers', async (req, res) => {
    const q = parseInput(customerSearchQuery, req.query);
    const found = await searchCustomers({
      db,
      workspaceId: requestWorkspace(req, deps),
      query: q.query,
      limit: q.limit,
    });
    res.json({ data: found.map((m) => toCustomerJson(m.customer, m.account)) });
  });

  router.get('/customers/:id', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    res.json(toCustomerDetailsJson(await getCustomer({ db, workspaceId, customerId: req.params.id })));
  });

  router.patch('/customers/:id', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const body = parseInput(customerPatchBody, req.body);
    const changed = await updateCustomer({
      db,
      workspaceId,
      customerId: req.params.id,
      patch: { email: body.email, name: body.name, customerType: body.customer_type },
      actor: requestActor(req),
    });
    const customer = toCustomerDetailsJson(await getCustomer({ db, workspaceId, customerId: req.params.id }));
    res.json({ customer, changed });
  });

  router.get('/customers/:id/licenses', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const q = parseInput(customerLicensesQuery, req.query);
    const { customer } = await getCustomer({ db, workspaceId, customerId: req.params.id });
    const { data, hasMore } = await listLicenses({
      db,
      workspaceId,
      filters: { customerId: customer.id },
      limit: q.limit,
      startingAfter: q.starting_after,
    });
    res.json({ data: data.map(toLicenseJson), has_more: hasMore });
  });

  return router;
}

import { parseInput } from '@licensync/core/catalog';
import { getCustomerAccount, searchCustomerAccounts, updateCustomerAccount } from '@licensync/core/customers';
import { listLicenses } from '@licensync/core/licenses';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { customerAccountPatchBody, customerLicensesQuery, customerSearchQuery } from './customer-bodies';
import { requestActor } from './request-actor';
import { requestWorkspace } from './request-workspace';
import { toAccountDetailsJson, toAccountJson } from './to-customer-json';
import { toLicenseJson } from './to-license-json';

/** Customer accounts (companies), the same way as customers. */
export function customerAccountsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.get('/customer_accounts', async (req, res) => {
    const q = parseInput(customerSearchQuery, req.query);
    const workspaceId = requestWorkspace(req, deps);
    const found = await searchCustomerAccounts({ db, workspaceId, query: q.query, limit: q.limit });
    res.json({ data: found.map(toAccountJson) });
  });

  router.get('/customer_accounts/:id', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    res.json(toAccountDetailsJson(await getCustomerAccount({ db, workspaceId, accountId: req.params.id })));
  });

  router.patch('/customer_accounts/:id', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const body = parseInput(customerAccountPatchBody, req.body);
    const changed = await updateCustomerAccount({
      db,
      workspaceId,
      accountId: req.params.id,
      patch: { name: body.name, domain: body.domain, taxId: body.tax_id },
      actor: requestActor(req),
    });
    const account = toAccountDetailsJson(
      await getCustomerAccount({ db, workspaceId, accountId: req.params.id }),
    );
    res.json({ customer_account: account, changed });
  });

  router.get('/customer_accounts/:id/licenses', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const q = parseInput(customerLicensesQuery, req.query);
    const { account } = await getCustomerAccount({ db, workspaceId, accountId: req.params.id });
    const { data, hasMore } = await listLicenses({
      db,
      workspaceId,
      filters: { customerAccountId: account.id },
      limit: q.limit,
      startingAfter: q.starting_after,
    });
    res.json({ data: data.map(toLicenseJson), has_more: hasMore });
  });

  return router;
}

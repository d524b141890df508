import { getStripeConnection } from '@licensync/core/connections';
import { getCustomer, searchCustomers } from '@licensync/core/customers';
import { getHistory, resolveHistorySubjects } from '@licensync/core/history';
import { listLicenses } from '@licensync/core/licenses';
import { listCustomerOrders } from '@licensync/core/orders';
import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import type { ConsolePages } from '../console-page';
import { hubspotRecordUrl, stripeDashboardUrl } from '../external-urls';
import { html, when } from '../html';
import { historyTimeline } from './history-timeline';
import { licenseTable } from './licenses.page';

const OBJECT_TYPE_IDS = { contact: '0-1', company: '0-2' } as const;

/** Customers: search by email, name, company or domain; a page with licenses, orders and HubSpot records. */
export function customersPage(deps: AppDeps, pages: ConsolePages): Router {
  const router = Router();
  const { db } = deps;

  router.get('/customers', async (req, res) => {
    const ws = await pages.workspace(req);
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 320) : '';
    const found = q ? await searchCustomers({ db, workspaceId: ws.id, query: q, limit: 50 }) : [];
    const body = html`<form method="get" action="/console/customers" role="search" class="inline">
<label for="q">Email, name, company or domain <input id="q" name="q" type="search" value="${q}" size="40"></label>
<button type="submit">Search</button></form>
${
  q
    ? found.length === 0
      ? html`<p>No customer matches “${q}”.</p>`
      : html`<table><thead><tr><th scope="col">Email</th><th scope="col">Name</th><th scope="col">Company</th><th scope="col">Stripe customer</th></tr></thead><tbody>${found.map(
          (m) =>
            html`<tr><td><a href="/console/customers/${m.customer.id}">${m.customer.email}</a></td><td>${m.customer.name ?? '—'}</td><td>${m.account?.name ?? '—'}</td><td>${m.customer.stripeCustomerId ?? '—'}</td></tr>`,
        )}</tbody></table>`
    : ''
}`;
    await pages.send(req, res, { title: 'Customers', section: 'customers', body });
  });

  router.get('/customers/:id', async (req, res) => {
    const ws = await pages.workspace(req);
    const { customer, account, hubspotRecords } = await getCustomer({
      db,
      workspaceId: ws.id,
      customerId: req.params.id,
    });
    const [licenses, orders, stripeConn, [hubspot], subjects] = await Promise.all([
      listLicenses({ db, workspaceId: ws.id, filters: { customerId: customer.id }, limit: 100 }),
      listCustomerOrders({ db, workspaceId: ws.id, customerId: customer.id, limit: 100 }),
      getStripeConnection(db, ws.id),
      db
        .select({ portalId: schema.hubspotConnections.portalId })
        .from(schema.hubspotConnections)
        .where(eq(schema.hubspotConnections.workspaceId, ws.id)),
      resolveHistorySubjects({ db, workspaceId: ws.id, query: { customerEmail: customer.email } }),
    ]);
    const history = await getHistory({ db, workspaceId: ws.id, subjects, limit: 100 });
    const livemode = stripeConn?.livemode ?? deps.config.STRIPE_API_KEY.startsWith('sk_live_');
    const stripeUrl = stripeDashboardUrl(customer.stripeCustomerId, livemode);
    const body = html`<dl>
<dt>Email</dt><dd>${customer.email}</dd>
<dt>Name</dt><dd>${customer.name ?? '—'}</dd>
<dt>Type</dt><dd>${customer.customerType}</dd>
<dt>Company</dt><dd>${account ? `${account.name}${account.domain ? ` (${account.domain})` : ''}` : '—'}</dd>
<dt>Stripe customer</dt><dd>${stripeUrl ? html`<a href="${stripeUrl}" rel="noreferrer">${customer.stripeCustomerId}</a>` : (customer.stripeCustomerId ?? '—')}</dd>
<dt>HubSpot records</dt><dd>${
      hubspotRecords.length === 0
        ? 'not synced yet'
        : hubspotRecords.map((r) =>
            hubspot
              ? html`<a href="${hubspotRecordUrl(hubspot.portalId, OBJECT_TYPE_IDS[r.objectType], r.objectId)}" rel="noreferrer">${r.objectType} ${r.objectId}</a> `
              : `${r.objectType} ${r.objectId} `,
          )
    }</dd>
<dt>Created</dt><dd>${when(customer.createdAt)}</dd>
</dl>
<h2>Licenses</h2>
${licenseTable(licenses.data)}
<h2>Orders</h2>
${
  orders.length === 0
    ? html`<p>None.</p>`
    : html`<table><thead><tr><th scope="col">Source</th><th scope="col">Reference</th><th scope="col">Created</th></tr></thead><tbody>${orders.map(
        (o) => html`<tr><td>${o.sourceKind}</td><td>${o.sourceId}</td><td>${when(o.createdAt)}</td></tr>`,
      )}</tbody></table>`
}
<h2>History</h2>
${historyTimeline(history)}`;
    await pages.send(req, res, { title: `Customer ${customer.email}`, section: 'customers', body });
  });

  return router;
}

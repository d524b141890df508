import { getStripeConnection } from '@licensync/core/connections';
import { getHistory, resolveHistorySubjects } from '@licensync/core/history';
import {
  EDITABLE_LICENSE_FIELDS,
  getLicense,
  type LicenseDetails,
  licenseHubspotRecords,
  listLicenses,
  searchLicenses,
} from '@licensync/core/licenses';
import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { consoleSession } from '../console-auth';
import type { ConsolePages } from '../console-page';
import { hubspotRecordUrl, stripeDashboardUrl } from '../external-urls';
import { html, when } from '../html';
import { historyTimeline } from './history-timeline';
import { licenseActions } from './license-actions.view';

const statusOf = (d: LicenseDetails) =>
  d.license.enabled
    ? 'enabled'
    : `disabled${d.license.disabledReason ? ` (${d.license.disabledReason})` : ''}`;

/** A table of licenses linking to their pages; shared with the customer page. */
export const licenseTable = (rows: LicenseDetails[]) =>
  rows.length === 0
    ? html`<p>No licenses.</p>`
    : html`<table><thead><tr><th scope="col">Key</th><th scope="col">Product</th><th scope="col">Customer</th><th scope="col">Status</th><th scope="col">Valid until</th></tr></thead><tbody>
${rows.map(
  (d) =>
    html`<tr><td><a href="/console/licenses/${d.license.id}">${d.license.licenseKey ?? d.license.id}</a></td><td>${d.productShortCode}${d.policyCode ? ` · ${d.policyCode}` : ''}</td><td><a href="/console/customers/${d.customer.id}">${d.customer.email}</a></td><td>${statusOf(d)}</td><td>${when(d.license.validUntil)}</td></tr>`,
)}</tbody></table>`;

/** Licenses: search by key, email, customer, Stripe or HubSpot id; a page per license with its history. */
export function licensesPage(deps: AppDeps, pages: ConsolePages): Router {
  const router = Router();
  const { db } = deps;

  router.get('/licenses', async (req, res) => {
    const ws = await pages.workspace(req);
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 320) : '';
    const rows = q
      ? await searchLicenses({ db, workspaceId: ws.id, query: q, limit: 50 })
      : (await listLicenses({ db, workspaceId: ws.id, filters: {}, limit: 20 })).data;
    const body = html`<form method="get" action="/console/licenses" role="search" class="inline">
<label for="q">Key, email, customer id, Stripe id or HubSpot id <input id="q" name="q" type="search" value="${q}" size="40"></label>
<button type="submit">Search</button></form>
<h2>${q ? `${rows.length} found for “${q}”` : 'Newest licenses'}</h2>
${licenseTable(rows)}`;
    await pages.send(req, res, { title: 'Licenses', section: 'licenses', body });
  });

  router.get('/licenses/:id', async (req, res) => {
    const ws = await pages.workspace(req);
    const licenseId = req.params.id;
    const details = await getLicense({ db, workspaceId: ws.id, licenseId });
    const { license } = details;
    const [subjects, records, stripeConn, [hubspot]] = await Promise.all([
      resolveHistorySubjects({ db, workspaceId: ws.id, query: { licenseId } }),
      licenseHubspotRecords(db, ws.id, licenseId),
      getStripeConnection(db, ws.id),
      db
        .select({ portalId: schema.hubspotConnections.portalId })
        .from(schema.hubspotConnections)
        .where(eq(schema.hubspotConnections.workspaceId, ws.id)),
    ]);
    const history = await getHistory({ db, workspaceId: ws.id, subjects, limit: 200 });
    const livemode = stripeConn?.livemode ?? deps.config.STRIPE_API_KEY.startsWith('sk_live_');
    const stripe = (label: string, id: string | null) => {
      const url = stripeDashboardUrl(id, livemode);
      return html`<dt>${label}</dt><dd>${id ? (url ? html`<a href="${url}" rel="noreferrer">${id}</a>` : id) : '—'}</dd>`;
    };
    const allowed = EDITABLE_LICENSE_FIELDS[license.licenseType];
    const body = html`<dl>
<dt>Key</dt><dd><code>${license.licenseKey ?? '—'}</code></dd>
<dt>Status</dt><dd>${statusOf(details)}</dd>
<dt>Product</dt><dd>${details.productShortCode}</dd>
<dt>Policy</dt><dd>${details.policyCode ?? '—'}</dd>
<dt>Type</dt><dd>${license.licenseType}${license.isTrial ? ' (trial)' : ''}</dd>
<dt>Customer</dt><dd><a href="/console/customers/${details.customer.id}">${details.customer.email}</a></dd>
<dt>Valid until</dt><dd>${when(license.validUntil)}</dd>
<dt>Maintenance until</dt><dd>${when(license.maintenanceUntil)}</dd>
<dt>Max activations</dt><dd>${license.maxActivations}</dd>
<dt>Floating cloud</dt><dd>${license.floatingCloud ?? '—'}</dd>
<dt>Max users</dt><dd>${license.maxLicenseUsers ?? '—'}</dd>
<dt>Consumption</dt><dd>${license.consumptionTotal ?? '—'}</dd>
<dt>Users</dt><dd>${details.users.length ? details.users.map((u) => `${u.email}${u.isManager ? ' (manager)' : ''} `) : '—'}</dd>
${stripe('Stripe subscription', license.stripeSubscriptionId)}
${stripe('Stripe subscription item', license.stripeSubscriptionItemId)}
${stripe('Stripe invoice', license.stripeInvoiceId)}
${stripe('Stripe payment', license.stripePaymentIntentId)}
${stripe('Stripe checkout session', license.stripeCheckoutSessionId)}
${stripe('Stripe price', license.stripePriceId)}
<dt>HubSpot record</dt><dd>${
      records.length === 0
        ? 'not synced yet'
        : records.map((r) =>
            hubspot
              ? html`<a href="${hubspotRecordUrl(hubspot.portalId, r.objectTypeId, r.objectId)}" rel="noreferrer">${r.objectId}</a> `
              : r.objectId,
          )
    }</dd>
<dt>Created</dt><dd>${when(license.createdAt)}</dd>
<dt>Updated</dt><dd>${when(license.updatedAt)}</dd>
</dl>
<h2>Features</h2>
${
  details.features.length === 0
    ? html`<p>None.</p>`
    : html`<ul>${details.features.map((f) => html`<li><code>${f.code}</code>${f.maxConsumption === null ? '' : ` (max ${f.maxConsumption})`}</li>`)}</ul>`
}
<h2>Custom fields</h2>
${
  Object.keys(details.customFields).length === 0
    ? html`<p>None.</p>`
    : html`<dl>${Object.entries(details.customFields).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`
}
${licenseActions(details, allowed, consoleSession(req))}
<h2>History</h2>
${historyTimeline(history)}`;
    await pages.send(req, res, {
      title: `License ${license.licenseKey ?? license.id}`,
      section: 'licenses',
      body,
    });
  });

  return router;
}

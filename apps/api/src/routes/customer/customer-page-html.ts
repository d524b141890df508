import type { CustomerPage } from '@licensync/core/customer-page';
import { html, type SafeHtml } from './html';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '—');
const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—');

/** The customer page's body: each license, its key, and the machines with a seat, each freeable. */
export function toCustomerPageHtml(page: CustomerPage, token: string, notice: string | null): SafeHtml {
  const licenses = page.licenses.map(
    (l) => html`<section>
<h2>${l.productName}</h2>
<p>${l.licenseKey ? html`Key <code>${l.licenseKey}</code> · ` : ''}${l.licenseType} · valid until ${day(l.validUntil)}${
      l.enabled ? '' : html` · <strong>disabled</strong>`
    } · ${l.activations.length} of ${l.maxActivations} machine(s)</p>
${
  l.activations.length === 0
    ? html`<p class="muted">No machine uses this license.</p>`
    : html`<table><tr><th>Machine</th><th>OS</th><th>Version</th><th>Activated</th><th>Last check</th><th></th></tr>
${l.activations.map(
  (
    a,
  ) => html`<tr><td><code>${a.hardwareId}</code></td><td>${a.os ?? '—'}</td><td>${a.appVersion ?? '—'}</td><td>${when(a.activatedAt)}</td><td>${when(a.lastCheckAt)}</td>
<td><form method="post" action="/customer/v1/page/deactivate"><input type="hidden" name="token" value="${token}"><input type="hidden" name="activation_id" value="${a.id}"><button type="submit">Free this seat</button></form></td></tr>`,
)}</table>`
}
</section>`,
  );
  return html`<h1>Your licenses</h1>
<p class="muted">${page.customer.name ?? page.customer.email} · ${page.customer.email}</p>
${notice ? html`<p><strong>${notice}</strong></p>` : ''}
${page.licenses.length === 0 ? html`<p>You have no licenses.</p>` : licenses}`;
}

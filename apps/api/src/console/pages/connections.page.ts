import { parseInput } from '@licensync/core/catalog';
import { setHubspotConnectionState } from '@licensync/core/connections';
import { getWorkspaceSettings, updateWorkspaceSettings } from '@licensync/core/workspaces';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { connectStripe } from '../../connections/connect-stripe';
import { listConnections } from '../../connections/list-connections';
import { ReinstallNeededError, reconnectHubspot } from '../../connections/reconnect-hubspot';
import { startHubspotInstall } from '../../connections/start-hubspot-install';
import { stripeConnectionBody } from '../../routes/admin/connections.route';
import { consoleSession, refusal } from '../console-auth';
import type { ConsolePages } from '../console-page';
import { html, type SafeHtml } from '../html';
import { csrfField } from '../layout';

const TOGGLES = ['licenses', 'customers', 'subscriptions', 'invoices'] as const;
type Row = Record<string, unknown> & { kind: string; id: string };
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Connections: HubSpot (install, state, disconnect/reconnect, per-sync toggles) and Stripe (key, webhook). */
export function connectionsPage(deps: AppDeps, pages: ConsolePages): Router {
  const router = Router();
  const { db, config } = deps;
  const back = '/console/connections';

  router.get('/connections', async (req, res) => {
    const ws = await pages.workspace(req);
    const session = consoleSession(req);
    const rows = (await listConnections(deps, ws.id)) as Row[];
    const hubspot = rows.find((c) => c.kind === 'hubspot');
    const stripe = rows.find((c) => c.kind === 'stripe');
    const settings = await getWorkspaceSettings({
      db,
      workspaceId: ws.id,
      defaultResyncCron: config.RESYNC_CRON,
    });
    const off = session.scope === 'read' ? html` disabled` : '';
    const csrf = csrfField(session.csrf);
    const post = (action: string, label: string, extra: SafeHtml | string = '') =>
      html`<form method="post" action="${action}" class="inline">${csrf}${extra}<button type="submit"${off}>${label}</button></form>`;
    const error = (c: Row | undefined) => {
      const e = c?.last_error as { message: string; fix: string | null } | null | undefined;
      return e
        ? html`<dt>Last error</dt><dd class="error">${e.message}</dd><dt>Fix</dt><dd>${e.fix ?? '—'}</dd>`
        : html`<dt>Last error</dt><dd>none</dd>`;
    };
    const body = html`<section aria-labelledby="hs"><h2 id="hs">HubSpot</h2>
${
  hubspot
    ? html`<dl><dt>State</dt><dd class="hubspot-state">${String(hubspot.state)}</dd><dt>Portal</dt><dd class="hubspot-portal">${String(hubspot.portal_id)}</dd><dt>Auth</dt><dd>${String(hubspot.auth_kind)}</dd>
<dt>Connected since</dt><dd>${String(hubspot.connected_since ?? '—')}</dd><dt>Last sync</dt><dd>${String(hubspot.last_successful_sync ?? '—')}</dd>
<dt>Daily budget left</dt><dd>${hubspot.daily_budget_remaining === null ? 'not reported yet' : String(hubspot.daily_budget_remaining)}</dd>${error(hubspot)}</dl>
${hubspot.state === 'connected' ? post(`/console/connections/${hubspot.id}/disconnect`, 'Disconnect') : post(`/console/connections/${hubspot.id}/reconnect`, 'Reconnect')}
${post('/console/connections/hubspot/connect', 'Install again (switch portal)', html`<input type="hidden" name="allow_portal_switch" value="true">`)}
<h3>What syncs to HubSpot</h3>
<form method="post" action="/console/connections/toggles" class="inline">${csrf}${TOGGLES.map(
        (t) =>
          html`<input type="hidden" name="${t}" value="false"><label for="t-${t}"><span>${t}</span> <input id="t-${t}" type="checkbox" name="${t}" value="true"${settings.syncToggles?.[t] !== false ? html` checked` : ''}></label>`,
      )}<button type="submit"${off}>Save toggles</button></form>`
    : html`<p>Not connected.</p>${post('/console/connections/hubspot/connect', 'Connect HubSpot')}`
}
</section>
<section aria-labelledby="st"><h2 id="st">Stripe</h2>
${
  stripe
    ? html`<dl><dt>State</dt><dd>${String(stripe.state)}</dd><dt>Account</dt><dd>${String(stripe.account_id ?? '—')}${stripe.livemode ? ' (live)' : ' (test)'}</dd>
<dt>Key stored</dt><dd>${stripe.has_api_key ? 'yes' : 'no'}</dd><dt>Webhook endpoint</dt><dd>${String(stripe.webhook_endpoint_id ?? 'registered by hand or not yet')}</dd>
<dt>Signing secret stored</dt><dd>${stripe.has_webhook_secret ? 'yes' : 'no'}</dd>${error(stripe)}</dl>`
    : html`<p>This workspace uses the server's STRIPE_API_KEY until a key is stored here.</p>`
}
<form method="post" action="/console/connections/stripe">${csrf}
<p><label for="api-key">Secret or restricted key <input id="api-key" name="api_key" type="password" autocomplete="off" placeholder="sk_… or rk_…"></label></p>
<p><label for="whsec">Webhook signing secret (if registered by hand) <input id="whsec" name="webhook_secret" type="password" autocomplete="off" placeholder="whsec_…"></label></p>
<p><label for="register"><span>Register our webhook endpoint in Stripe</span> <input id="register" type="checkbox" name="register_webhook" value="true"></label></p>
<p><button type="submit"${off}>Save Stripe connection</button></p></form>
<p>Webhook URL: <code>${`${config.PUBLIC_URL.replace(/\/+$/, '')}/webhooks/stripe/${ws.slug}`}</code></p>
</section>`;
    await pages.send(req, res, { title: 'Connections', section: 'connections', body });
  });

  router.post('/connections/hubspot/connect', async (req, res) => {
    if (!config.HUBSPOT_CLIENT_ID || !config.HUBSPOT_CLIENT_SECRET) {
      return refusal(
        res,
        503,
        'HubSpot app not configured',
        'Set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET.',
      );
    }
    await startHubspotInstall(deps, res, {
      clientId: config.HUBSPOT_CLIENT_ID,
      workspace: await pages.workspace(req),
      allowPortalSwitch: req.body.allow_portal_switch === 'true',
    });
  });

  router.post('/connections/stripe', async (req, res) => {
    const input = parseInput(stripeConnectionBody, {
      api_key: text(req.body.api_key),
      webhook_secret: text(req.body.webhook_secret),
      register_webhook: req.body.register_webhook === 'true',
    });
    await connectStripe(deps, await pages.workspace(req), {
      apiKey: input.api_key,
      webhookSecret: input.webhook_secret,
      registerWebhook: input.register_webhook,
    });
    await pages.done(req, res, back, 'Stripe connection saved.');
  });

  router.post('/connections/toggles', async (req, res) => {
    const ws = await pages.workspace(req);
    const last = (v: unknown) => (Array.isArray(v) ? v.at(-1) : v);
    const syncToggles = Object.fromEntries(TOGGLES.map((t) => [t, last(req.body[t]) === 'true']));
    const { changed } = await updateWorkspaceSettings({
      db,
      workspaceId: ws.id,
      patch: { syncToggles },
      actor: consoleSession(req).actor,
      defaultResyncCron: config.RESYNC_CRON,
    });
    await pages.done(req, res, back, changed.length ? 'Sync toggles saved.' : 'Nothing changed.');
  });

  router.post('/connections/:id/disconnect', async (req, res) => {
    await setHubspotConnectionState(db, {
      workspaceId: (await pages.workspace(req)).id,
      connectionId: req.params.id,
      state: 'disconnected',
      reason: `disconnected by ${consoleSession(req).actor}`,
    });
    await pages.done(req, res, back, 'HubSpot disconnected: changes wait until you reconnect.');
  });

  router.post('/connections/:id/reconnect', async (req, res) => {
    try {
      await reconnectHubspot(deps, (await pages.workspace(req)).id, req.params.id);
      await pages.done(req, res, back, 'HubSpot reconnected: waiting changes are being written.');
    } catch (err) {
      if (!(err instanceof ReinstallNeededError)) throw err;
      await pages.done(req, res, back, err.message);
    }
  });

  return router;
}

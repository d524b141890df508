import { parseInput } from '@licensync/core/catalog';
import { getWorkspaceSettings } from '@licensync/core/workspaces';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import {
  settingsPatchBody,
  toSettingName,
  toSettingsJson,
  toSettingsPatch,
} from '../../routes/admin/settings-body';
import { saveWorkspaceSettings } from '../../settings/save-workspace-settings';
import { consoleSession } from '../console-auth';
import type { ConsolePages } from '../console-page';
import { html } from '../html';
import { csrfField } from '../layout';

const CHOICES = {
  partial_refund_action: ['none', 'disable'],
  pause_collection_action: ['keep_working', 'disable'],
  hubspot_default_object: ['contact', 'company'],
} as const;
const LABELS = {
  partial_refund_action: 'A partial refund',
  pause_collection_action: 'Paused collection',
  hubspot_default_object: 'HubSpot record for new customers',
} as const;
/** On/off settings: a hidden `false` precedes each box, so an unticked box is sent as `false`. */
const SWITCHES = {
  disable_on_dispute: 'Disable licenses when a payment is disputed',
  deliver_licenses: 'Mail customers their license keys (off when you deliver keys yourself)',
} as const;

/** The workspace settings of the admin API, as a form; only the fields changed are sent. */
export function settingsPage(deps: AppDeps, pages: ConsolePages): Router {
  const router = Router();
  const { db, config } = deps;
  const current = async (workspaceId: string) =>
    toSettingsJson(await getWorkspaceSettings({ db, workspaceId, defaultResyncCron: config.RESYNC_CRON }));

  router.get('/settings', async (req, res) => {
    const ws = await pages.workspace(req);
    const s = await current(ws.id);
    const session = consoleSession(req);
    const select = (name: keyof typeof CHOICES) =>
      html`<p><label for="s-${name}">${LABELS[name]} <select id="s-${name}" name="${name}">${CHOICES[
        name
      ].map((c) => html`<option${s[name] === c ? html` selected` : ''}>${c}</option>`)}</select></label></p>`;
    const toggle = (name: keyof typeof SWITCHES) =>
      html`<p><input type="hidden" name="${name}" value="false"><label for="s-${name}"><span>${SWITCHES[name]}</span> <input id="s-${name}" type="checkbox" name="${name}" value="true"${s[name] ? html` checked` : ''}></label></p>`;
    const body = html`<form method="post" action="/console/settings">${csrfField(session.csrf)}
<fieldset${session.scope === 'read' ? html` disabled` : ''}><legend>Workspace ${ws.name}</legend>
${select('partial_refund_action')}${select('pause_collection_action')}${select('hubspot_default_object')}
${toggle('disable_on_dispute')}${toggle('deliver_licenses')}
<p><label for="s-cron">Scheduled resyncs (cron, UTC) <input id="s-cron" name="resync_cron" value="${s.resync_cron}"></label></p>
<p><button type="submit">Save settings</button></p></fieldset></form>
<p>Per-sync toggles are on the <a href="/console/connections">Connections</a> page.</p>`;
    await pages.send(req, res, { title: 'Settings', section: 'settings', body });
  });

  router.post('/settings', async (req, res) => {
    const ws = await pages.workspace(req);
    const s = await current(ws.id);
    const last = (v: unknown) => (Array.isArray(v) ? v.at(-1) : v);
    const form: Record<string, unknown> = {};
    for (const name of Object.keys(CHOICES) as (keyof typeof CHOICES)[]) {
      if (req.body[name] !== undefined && req.body[name] !== s[name]) form[name] = req.body[name];
    }
    // Only a switch the form sent (its hidden `false` at least) is changed: a post without it keeps it.
    for (const name of Object.keys(SWITCHES) as (keyof typeof SWITCHES)[]) {
      if (req.body[name] === undefined) continue;
      const on = last(req.body[name]) === 'true';
      if (on !== s[name]) form[name] = on;
    }
    if (typeof req.body.resync_cron === 'string' && req.body.resync_cron.trim() !== s.resync_cron) {
      form.resync_cron = req.body.resync_cron;
    }
    if (Object.keys(form).length === 0) return pages.done(req, res, '/console/settings', 'Nothing changed.');
    const body = parseInput(settingsPatchBody, form);
    const { changed, scheduled } = await saveWorkspaceSettings(deps, {
      workspaceId: ws.id,
      patch: toSettingsPatch(body),
      actor: consoleSession(req).actor,
    });
    const notice = scheduled
      ? `Saved: ${changed.map(toSettingName).join(', ') || 'nothing changed'}.`
      : 'Saved; the new schedule applies when Redis answers again (or at the worker’s next start).';
    await pages.done(req, res, '/console/settings', notice);
  });

  return router;
}

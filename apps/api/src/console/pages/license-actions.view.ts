import type { LicenseDetails, LicenseField } from '@licensync/core/licenses';
import type { ConsoleSession } from '../console-session-store';
import { html } from '../html';
import { csrfField } from '../layout';
import { toLicenseFormValues } from './license-patch-form';

const LABELS: Record<LicenseField, string> = {
  valid_until: 'Valid until (UTC date)',
  maintenance_until: 'Maintenance until (UTC date)',
  max_activations: 'Max activations',
  floating_cloud: 'Floating cloud',
  max_license_users: 'Max users',
  is_trial: 'Trial',
  max_consumptions: 'Max consumptions',
  allow_overages: 'Allow overages',
  max_overages: 'Max overages',
};

/** The actions on a license page; disabled for a read-only key (the server refuses them anyway). */
export function licenseActions(
  details: LicenseDetails,
  allowed: readonly LicenseField[],
  session: Pick<ConsoleSession, 'csrf' | 'scope'>,
) {
  const { license } = details;
  const base = `/console/licenses/${license.id}`;
  const csrf = csrfField(session.csrf);
  const shown = toLicenseFormValues(license);
  const input = (f: LicenseField) => {
    const id = `edit-${f}`;
    if (f === 'is_trial' || f === 'allow_overages')
      return html`<input type="hidden" name="${f}" value="false"><label for="${id}">${LABELS[f]} <input id="${id}" type="checkbox" name="${f}" value="true"${shown[f] === 'true' ? html` checked` : ''}></label>`;
    const type = f.endsWith('_until') ? 'date' : 'text';
    return html`<label for="${id}">${LABELS[f]} <input id="${id}" name="${f}" type="${type}" value="${shown[f]}"${type === 'text' ? html` inputmode="numeric" size="6"` : ''}></label>`;
  };
  return html`<h2>Actions</h2>
${session.scope === 'read' ? html`<p>This key is read-only: actions are shown, not allowed.</p>` : ''}
<fieldset${session.scope === 'read' ? html` disabled` : ''}><legend>Change this license</legend>
${
  license.enabled
    ? html`<form method="post" action="${base}/disable" class="inline">${csrf}<label for="reason">Reason <input id="reason" name="reason" maxlength="500"></label><button type="submit" class="danger">Disable</button></form>`
    : html`<form method="post" action="${base}/enable" class="inline">${csrf}<button type="submit">Enable</button></form>`
}
<form method="post" action="${base}/reissue_key" class="inline">${csrf}<button type="submit" class="danger">Reissue key</button></form>
<form method="post" action="${base}/edit" class="inline">${csrf}${allowed.map(input)}<button type="submit">Save fields</button></form>
<form method="post" action="${base}/features" class="inline">${csrf}<label for="feature-code">Feature code <input id="feature-code" name="code" required></label><label for="feature-max">Max consumption <input id="feature-max" name="max_consumption" inputmode="numeric" size="6"></label><button type="submit">Add feature</button></form>
${details.features.map(
  (f) =>
    html`<form method="post" action="${base}/features/${encodeURIComponent(f.code)}/remove" class="inline">${csrf}<button type="submit" class="danger">Remove ${f.code}</button></form>`,
)}
<form method="post" action="${base}/custom_fields" class="inline">${csrf}<label for="cf-name">Custom field <input id="cf-name" name="name" required></label><label for="cf-value">Value <input id="cf-value" name="value"></label><button type="submit">Set field</button></form>
</fieldset>`;
}

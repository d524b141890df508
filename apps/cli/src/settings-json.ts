import { formatTable } from './format-table';

/** The workspace settings as the admin API answers them. */
export interface SettingsJson {
  partial_refund_action: string;
  disable_on_dispute: boolean;
  pause_collection_action: string;
  resync_cron: string;
  hubspot_default_object: string;
  deliver_licenses: boolean;
  sync_toggles: Record<string, boolean> | null;
}

/** One setting per line; sync toggles as `sync_toggles.<kind>`. */
export function formatSettings(s: SettingsJson): string {
  const { sync_toggles: toggles, ...rest } = s;
  const rows = Object.entries(rest).map(([k, v]) => [k, String(v)]);
  if (toggles) rows.push(...Object.entries(toggles).map(([k, v]) => [`sync_toggles.${k}`, v ? 'on' : 'off']));
  else rows.push(['sync_toggles', '(no HubSpot connection)']);
  return formatTable(['SETTING', 'VALUE'], rows);
}

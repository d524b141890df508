import { settingsJson, settingsPatchBody } from '../routes/admin/settings-body';
import type { AdminOperation } from './admin-operation';
import { editAnswer } from './response-schemas';

/** The workspace settings. */
export const SETTINGS_OPERATIONS: AdminOperation[] = [
  {
    method: 'get',
    path: '/settings',
    tag: 'settings',
    summary: 'The workspace settings in effect',
    response: settingsJson,
  },
  {
    method: 'patch',
    path: '/settings',
    tag: 'settings',
    summary: 'Change settings; a new resync_cron applies without a restart',
    body: settingsPatchBody,
    response: editAnswer('settings', settingsJson),
    errors: [422, 503],
    example: {
      request: { disable_on_dispute: true, resync_cron: '0 4 * * *' },
      response: {
        settings: {
          partial_refund_action: 'none',
          disable_on_dispute: true,
          pause_collection_action: 'keep_working',
          resync_cron: '0 4 * * *',
          hubspot_default_object: 'contact',
          deliver_licenses: true,
          sync_toggles: { licenses: true, customers: true, subscriptions: true, invoices: false },
        },
        changed: ['disable_on_dispute', 'resync_cron'],
      },
    },
  },
];

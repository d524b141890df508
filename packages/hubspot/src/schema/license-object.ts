import type { HubspotObjectSpec } from './object-spec';
import { prop } from './property-spec';

// WARNING: HubSpot stores records under these property and object names. Renaming one strands the
// values already written (HubSpot keeps the old property) — add new names, never rename.
export const LICENSE_OBJECT: HubspotObjectSpec = {
  key: 'licenses',
  kind: 'license',
  name: 'licensync_license',
  labels: { singular: 'License', plural: 'Licenses' },
  idProperty: 'licensync_license_id',
  primaryDisplayProperty: 'license_name',
  secondaryDisplayProperties: ['status', 'license_key'],
  searchableProperties: ['licensync_license_id', 'license_key', 'customer_email'],
  associatedObjects: ['CONTACT', 'COMPANY', 'DEAL'],
  properties: [
    prop.key('licensync_license_id', 'Licensync license ID'),
    prop.text('license_name', 'Name'),
    prop.text('license_key', 'License key'),
    prop.text('product', 'Product'),
    prop.text('policy', 'Policy'),
    prop.select('license_type', 'License type', ['perpetual', 'time-limited', 'subscription', 'consumption']),
    prop.select('status', 'Status', ['active', 'expired', 'disabled']),
    prop.text('disabled_reason', 'Disabled reason'),
    prop.bool('is_trial', 'Trial'),
    prop.date('valid_until', 'Valid until'),
    prop.date('maintenance_until', 'Maintenance until'),
    prop.number('max_activations', 'Max activations'),
    prop.number('activations', 'Activations'),
    prop.datetime('last_check_at', 'Last check'),
    prop.number('max_users', 'Max users'),
    prop.longText('users', 'Users'),
    prop.longText('features', 'Features'),
    prop.text('customer_email', 'Customer email'),
    prop.text('stripe_subscription_id', 'Stripe subscription ID'),
    // Written empty until the console offers a page a person can open (the admin API needs a token).
    prop.text('admin_url', 'Licensync link'),
  ],
};

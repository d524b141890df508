import {
  Badge,
  Box,
  Divider,
  FocusView,
  Link,
  PropertyList,
  PropertyListItem,
} from '@stripe/ui-extension-sdk/ui';
import type { DashboardLicense } from '../backend/dashboard-license';
import {
  toActivationsText,
  toDateText,
  toLicenseStatus,
  toLicenseTypeText,
} from '../display/describe-license';

export interface LicenseInfoProps {
  license: DashboardLicense | null;
  now: Date;
  onClose: () => void;
}

const orNone = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '—' : String(value);
const dateOrNone = (iso: string | null) => (iso ? toDateText(new Date(iso)) : '—');

/** The side panel of one license: every field, its features and custom fields, and the console link. */
export function LicenseInfo({ license, now, onClose }: LicenseInfoProps) {
  const status = license ? toLicenseStatus(license, now) : null;
  return (
    <FocusView title="License info" shown={license !== null} setShown={(shown) => !shown && onClose()}>
      {license && status && (
        <Box css={{ stack: 'y', gap: 'medium' }}>
          <PropertyList>
            <PropertyListItem label="License key" value={orNone(license.license_key)} />
            <PropertyListItem label="Status" value={<Badge type={status.badge}>{status.label}</Badge>} />
            <PropertyListItem
              label="Disabled because"
              value={orNone(status.reason ?? license.disabled_reason)}
            />
            <PropertyListItem label="Product" value={license.product} />
            <PropertyListItem label="Policy" value={orNone(license.policy)} />
            <PropertyListItem label="Type" value={toLicenseTypeText(license.license_type)} />
            <PropertyListItem label="Trial" value={license.is_trial ? 'Yes' : 'No'} />
            <PropertyListItem label="Valid until" value={dateOrNone(license.valid_until)} />
            <PropertyListItem label="Maintenance until" value={dateOrNone(license.maintenance_until)} />
            <PropertyListItem label="Activations" value={toActivationsText(license)} />
            <PropertyListItem label="Max activations" value={String(license.max_activations)} />
            <PropertyListItem label="Floating" value={orNone(license.floating_cloud)} />
            <PropertyListItem label="Max license users" value={orNone(license.max_license_users)} />
            <PropertyListItem label="Consumption" value={String(license.consumption_total)} />
            <PropertyListItem label="Customer" value={license.customer.email} />
            <PropertyListItem label="Created" value={dateOrNone(license.created_at)} />
            <PropertyListItem label="Updated" value={dateOrNone(license.updated_at)} />
          </PropertyList>
          <Divider />
          <PropertyList>
            <PropertyListItem label="Subscription" value={orNone(license.stripe.subscription)} />
            <PropertyListItem label="Subscription item" value={orNone(license.stripe.subscription_item)} />
            <PropertyListItem label="Payment" value={orNone(license.stripe.payment_intent)} />
            <PropertyListItem label="Invoice" value={orNone(license.stripe.invoice)} />
            <PropertyListItem label="Checkout" value={orNone(license.stripe.checkout_session)} />
            <PropertyListItem label="Price" value={orNone(license.stripe.price)} />
          </PropertyList>
          <Divider />
          <Box css={{ font: 'heading' }}>Features</Box>
          {license.features.length === 0 ? (
            <Box css={{ color: 'secondary' }}>No features</Box>
          ) : (
            <PropertyList>
              {license.features.map((f) => (
                <PropertyListItem
                  key={f.code}
                  label={f.code}
                  value={f.max_consumption === null ? 'Included' : `Up to ${f.max_consumption}`}
                />
              ))}
            </PropertyList>
          )}
          <Box css={{ font: 'heading' }}>Custom fields</Box>
          {Object.keys(license.custom_fields).length === 0 ? (
            <Box css={{ color: 'secondary' }}>No custom fields</Box>
          ) : (
            <PropertyList>
              {Object.entries(license.custom_fields).map(([name, value]) => (
                <PropertyListItem key={name} label={name} value={value} />
              ))}
            </PropertyList>
          )}
          {license.users.length > 0 && (
            <>
              <Box css={{ font: 'heading' }}>Users</Box>
              <PropertyList>
                {license.users.map((u) => (
                  <PropertyListItem key={u.email} label={u.email} value={u.is_manager ? 'Manager' : 'User'} />
                ))}
              </PropertyList>
            </>
          )}
          <Link href={license.console_url} external target="_blank">
            Open in the licensync console
          </Link>
        </Box>
      )}
    </FocusView>
  );
}

import { Badge, Box, Button, Inline, Menu, MenuItem } from '@stripe/ui-extension-sdk/ui';
import type { DashboardLicense } from '../backend/dashboard-license';
import {
  toActivationsText,
  toLicenseStatus,
  toLicenseTypeText,
  toValidityText,
} from '../display/describe-license';

export interface LicenseSummaryProps {
  license: DashboardLicense;
  now: Date;
  /** True while an action on this license runs: its menu waits. */
  busy: boolean;
  onEnable: () => void;
  onDisable: () => void;
  onInfo: () => void;
}

/** One license in a list: key, product, type, status with its reason, validity, activations, actions. */
export function LicenseSummary({ license, now, busy, onEnable, onDisable, onInfo }: LicenseSummaryProps) {
  const status = toLicenseStatus(license, now);
  return (
    <Box css={{ stack: 'y', gap: 'xsmall', paddingY: 'small' }}>
      <Inline css={{ font: 'bodyEmphasized' }}>
        {license.license_key ?? `${license.product} (user license)`}
      </Inline>
      <Box css={{ stack: 'x', gap: 'small', alignY: 'center' }}>
        <Badge type={status.badge}>{status.label}</Badge>
        {status.reason && <Inline css={{ color: 'secondary' }}>{status.reason}</Inline>}
      </Box>
      <Inline css={{ color: 'secondary' }}>
        {`${license.product} · ${toLicenseTypeText(license.license_type)} · ${toValidityText(license, now)} · ${toActivationsText(license)}`}
      </Inline>
      <Menu
        trigger={
          <Button size="small" pending={busy}>
            Actions
          </Button>
        }
      >
        <MenuItem id={`enable:${license.id}`} disabled={busy || license.enabled} onAction={onEnable}>
          Enable
        </MenuItem>
        <MenuItem id={`disable:${license.id}`} disabled={busy || !license.enabled} onAction={onDisable}>
          Disable
        </MenuItem>
        <MenuItem id={`info:${license.id}`} onAction={onInfo}>
          License info
        </MenuItem>
      </Menu>
    </Box>
  );
}

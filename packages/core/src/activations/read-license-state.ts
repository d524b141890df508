import type pg from 'pg';
import type { Db } from '../db/client';
import type { LicenseType } from '../db/schema/index';

/** The license columns the license API decides on and answers with. */
export interface LicenseFacts {
  id: string;
  workspaceId: string;
  productId: string;
  customerId: string;
  licenseKey: string | null;
  licenseType: LicenseType;
  enabled: boolean;
  disabledReason: string | null;
  isTrial: boolean;
  validUntil: Date | null;
  maintenanceUntil: Date | null;
  maxActivations: number;
  activationsInUse: number;
  floatingCloud: number | null;
  maxLicenseUsers: number | null;
  isLicenseManager: boolean;
  consumptionTotal: number;
  consumptionResetAt: Date | null;
  floatingTimeoutMinutes: number | null;
  maxConsumptions: number | null;
  allowOverages: boolean | null;
  maxOverages: number | null;
}

export interface LicenseRow {
  license: LicenseFacts;
  /** The policy's terms; null for a license without a policy. */
  policy: {
    floatingTimeoutMinutes: number;
    maxConsumptions: number | null;
    allowOverages: boolean;
    maxOverages: number | null;
  } | null;
  /** This machine's live activation, if any. */
  activationId: string | null;
  features: { code: string; max_consumption: number | null }[];
  customFields: Record<string, string>;
  /** The release date the vendor declared for the app's version (product_versions), if any. */
  versionReleasedAt: Date | null;
  floatingInUse: number;
}

// $1 workspace, $2 license key or id, $3 hardware id, $4 app version, $5 now.
const columns = `l.id, l.workspace_id, l.product_id, l.customer_id, l.license_key, l.license_type, l.enabled,
  l.disabled_reason, l.is_trial, l.valid_until, l.maintenance_until, l.max_activations, l.activations_in_use,
  l.floating_cloud, l.max_license_users, l.is_license_manager, l.consumption_total::float8 as consumption_total,
  l.consumption_reset_at, l.floating_timeout_minutes, l.max_consumptions, l.allow_overages, l.max_overages,
  p.id as policy_id, p.floating_timeout_minutes as p_floating_timeout_minutes,
  p.max_consumptions as p_max_consumptions, p.allow_overages as p_allow_overages, p.max_overages as p_max_overages,
  (select a.id from license_activations a
    where a.license_id = l.id and a.hardware_id = $3 and a.deactivated_at is null) as activation_id,
  coalesce((select json_agg(json_build_object('code', f.code, 'max_consumption', f.max_consumption) order by f.code)
    from license_features f where f.license_id = l.id), '[]'::json) as features,
  coalesce((select json_object_agg(c.name, c.value)
    from license_custom_fields c where c.license_id = l.id), '{}'::json) as custom_fields,
  (select v.released_at from product_versions v where v.product_id = l.product_id and v.version = $4) as version_released_at,
  (select count(*)::int from floating_leases fl where fl.license_id = l.id and fl.expires_at > $5) as floating_in_use
  from licenses l left join license_policies p on p.id = l.policy_id`;

const BY_KEY = {
  name: 'license_api_row_by_key',
  text: `select ${columns} where l.workspace_id = $1 and l.license_key = $2`,
};
const BY_ID = {
  name: 'license_api_row_by_id',
  text: `select ${columns} where l.workspace_id = $1 and l.id = $2`,
};

// biome-ignore lint/suspicious/noExplicitAny: a raw row, mapped field by field below
function toLicenseRow(r: any): LicenseRow {
  return {
    license: {
      id: r.id,
      workspaceId: r.workspace_id,
      productId: r.product_id,
      customerId: r.customer_id,
      licenseKey: r.license_key,
      licenseType: r.license_type,
      enabled: r.enabled,
      disabledReason: r.disabled_reason,
      isTrial: r.is_trial,
      validUntil: r.valid_until,
      maintenanceUntil: r.maintenance_until,
      maxActivations: r.max_activations,
      activationsInUse: r.activations_in_use,
      floatingCloud: r.floating_cloud,
      maxLicenseUsers: r.max_license_users,
      isLicenseManager: r.is_license_manager,
      consumptionTotal: r.consumption_total,
      consumptionResetAt: r.consumption_reset_at,
      floatingTimeoutMinutes: r.floating_timeout_minutes,
      maxConsumptions: r.max_consumptions,
      allowOverages: r.allow_overages,
      maxOverages: r.max_overages,
    },
    policy:
      r.policy_id === null
        ? null
        : {
            floatingTimeoutMinutes: r.p_floating_timeout_minutes,
            maxConsumptions: r.p_max_consumptions,
            allowOverages: r.p_allow_overages,
            maxOverages: r.p_max_overages,
          },
    activationId: r.activation_id,
    features: r.features,
    customFields: r.custom_fields,
    versionReleasedAt: r.version_released_at,
    floatingInUse: r.floating_in_use,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A license of the workspace, by key or id, with its state for `hardwareId`: one query. The
 * hot path of every check, so it is a named prepared statement on the pool (planned once per
 * connection) mapped by hand: drizzle's row mapping cost more than the query itself.
 */
export async function readLicenseRow(
  db: Db,
  input: {
    workspaceId: string;
    by: { licenseKey: string } | { licenseId: string };
    hardwareId: string | null;
    appVersion?: string | null;
    now: Date;
  },
): Promise<LicenseRow | null> {
  if ('licenseId' in input.by && !UUID.test(input.by.licenseId)) return null;
  // drizzle's node-postgres handle carries its pool as $client.
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const statement = 'licenseKey' in input.by ? BY_KEY : BY_ID;
  const value = 'licenseKey' in input.by ? input.by.licenseKey : input.by.licenseId;
  const result = await pool.query({
    ...statement,
    values: [input.workspaceId, value, input.hardwareId ?? '', input.appVersion ?? '', input.now],
  });
  return result.rows[0] ? toLicenseRow(result.rows[0]) : null;
}

-- The license check caches what it read per (key, machine) in each api process; these triggers
-- tell every process (LISTEN licensync_license_changes) which license changed, at commit, so a
-- disabled license is refused on the next check. Payload: '<workspace id>:<license id>', or
-- '<workspace id>:*' when a policy, product or version changed (or a statement touched many).
CREATE OR REPLACE FUNCTION licensync_notify_license_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'licenses' THEN
    PERFORM pg_notify('licensync_license_changes', r.workspace_id || ':' || r.id);
  ELSIF TG_TABLE_NAME = 'license_activations' THEN
    PERFORM pg_notify('licensync_license_changes', r.workspace_id || ':' || r.license_id);
  ELSE
    PERFORM pg_notify('licensync_license_changes', r.workspace_id || ':*');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Statement level for tables written in bulk (a license's features at creation): one note per
-- license, or one per workspace past 100 licenses.
CREATE OR REPLACE FUNCTION licensync_notify_license_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT workspace_id, count(DISTINCT license_id) AS n FROM changed GROUP BY workspace_id LOOP
    IF r.n > 100 THEN
      PERFORM pg_notify('licensync_license_changes', r.workspace_id || ':*');
    ELSE
      PERFORM pg_notify('licensync_license_changes', c.workspace_id || ':' || c.license_id)
        FROM (SELECT DISTINCT workspace_id, license_id FROM changed WHERE workspace_id = r.workspace_id) c;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A new license cannot be in a cache (misses are not cached), and last_check_at (written every
-- second by the check's write-behind) is left out so checks do not empty their own cache.
CREATE TRIGGER licenses_notify_update AFTER UPDATE OF workspace_id, product_id, policy_id, customer_id,
  license_key, license_type, enabled, disabled_reason, is_trial, valid_until, maintenance_until,
  max_activations, floating_cloud, max_license_users, is_license_manager, floating_timeout_minutes,
  max_consumptions, allow_overages, max_overages, activations_in_use, consumption_total, consumption_reset_at
  ON licenses FOR EACH ROW EXECUTE FUNCTION licensync_notify_license_row();
--> statement-breakpoint
CREATE TRIGGER licenses_notify_delete AFTER DELETE ON licenses
  FOR EACH ROW EXECUTE FUNCTION licensync_notify_license_row();
--> statement-breakpoint
CREATE TRIGGER license_activations_notify_update AFTER UPDATE OF license_id, hardware_id, deactivated_at
  ON license_activations FOR EACH ROW EXECUTE FUNCTION licensync_notify_license_row();
--> statement-breakpoint
CREATE TRIGGER license_activations_notify_insert AFTER INSERT ON license_activations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licensync_notify_license_rows();
--> statement-breakpoint
CREATE TRIGGER license_activations_notify_delete AFTER DELETE ON license_activations
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licensync_notify_license_rows();
--> statement-breakpoint
CREATE TRIGGER license_features_notify_insert AFTER INSERT ON license_features
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licensync_notify_license_rows();
--> statement-breakpoint
CREATE TRIGGER license_features_notify_update AFTER UPDATE ON license_features
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licensync_notify_license_rows();
--> statement-breakpoint
CREATE TRIGGER license_features_notify_delete AFTER DELETE ON license_features
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licensync_notify_license_rows();
--> statement-breakpoint
CREATE TRIGGER license_custom_fields_notify_insert AFTER INSERT ON license_custom_fields
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licensync_notify_license_rows();
--> statement-breakpoint
CREATE TRIGGER license_custom_fields_notify_update AFTER UPDATE ON license_custom_fields
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licensync_notify_license_rows();
--> statement-breakpoint
CREATE TRIGGER license_custom_fields_notify_delete AFTER DELETE ON license_custom_fields
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licensync_notify_license_rows();
--> statement-breakpoint
CREATE TRIGGER floating_leases_notify_insert AFTER INSERT ON floating_leases
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licensync_notify_license_rows();
--> statement-breakpoint
CREATE TRIGGER floating_leases_notify_update AFTER UPDATE ON floating_leases
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licensync_notify_license_rows();
--> statement-breakpoint
CREATE TRIGGER floating_leases_notify_delete AFTER DELETE ON floating_leases
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION licensync_notify_license_rows();
--> statement-breakpoint
CREATE TRIGGER license_policies_notify AFTER UPDATE OR DELETE ON license_policies
  FOR EACH ROW EXECUTE FUNCTION licensync_notify_license_row();
--> statement-breakpoint
CREATE TRIGGER products_notify AFTER UPDATE OR DELETE ON products
  FOR EACH ROW EXECUTE FUNCTION licensync_notify_license_row();
--> statement-breakpoint
CREATE TRIGGER product_versions_notify AFTER INSERT OR UPDATE OR DELETE ON product_versions
  FOR EACH ROW EXECUTE FUNCTION licensync_notify_license_row();

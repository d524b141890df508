CREATE TABLE "workspaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspaces_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"short_code" text NOT NULL,
	"name" text NOT NULL,
	"authorization_method" text NOT NULL,
	"is_bundle" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_bundle_members" (
	"workspace_id" uuid NOT NULL,
	"bundle_product_id" uuid NOT NULL,
	"member_product_id" uuid NOT NULL,
	CONSTRAINT "product_bundle_members_bundle_product_id_member_product_id_pk" PRIMARY KEY("bundle_product_id","member_product_id")
);
--> statement-breakpoint
CREATE TABLE "license_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"license_type" text NOT NULL,
	"valid_duration" text,
	"max_activations" integer DEFAULT 1 NOT NULL,
	"floating_cloud" integer,
	"maintenance_enabled" boolean DEFAULT false NOT NULL,
	"maintenance_duration" text,
	"max_license_users" integer,
	"is_trial" boolean DEFAULT false NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"features" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"custom_field_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_features" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"feature_type" text DEFAULT 'activation' NOT NULL,
	"max_consumption" integer
);
--> statement-breakpoint
CREATE TABLE "product_custom_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"name" text NOT NULL,
	"default_value" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"domain" text,
	"tax_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"customer_type" text DEFAULT 'individual' NOT NULL,
	"customer_account_id" uuid,
	"stripe_customer_id" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"stripe_payment_intent_id" text,
	"stripe_subscription_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"order_id" uuid,
	"customer_id" uuid NOT NULL,
	"customer_account_id" uuid,
	"product_id" uuid NOT NULL,
	"policy_id" uuid,
	"bundle_license_id" uuid,
	"license_key" text,
	"license_type" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"is_trial" boolean DEFAULT false NOT NULL,
	"valid_until" timestamp with time zone,
	"maintenance_until" timestamp with time zone,
	"max_activations" integer DEFAULT 1 NOT NULL,
	"floating_cloud" integer,
	"max_license_users" integer,
	"is_license_manager" boolean DEFAULT false NOT NULL,
	"consumption_total" bigint DEFAULT 0 NOT NULL,
	"consumption_reset_at" timestamp with time zone,
	"stripe_checkout_session_id" text,
	"stripe_invoice_id" text,
	"stripe_subscription_id" text,
	"stripe_subscription_item_id" text,
	"stripe_payment_intent_id" text,
	"stripe_price_id" text,
	"unit_index" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "license_features" (
	"workspace_id" uuid NOT NULL,
	"license_id" uuid NOT NULL,
	"code" text NOT NULL,
	"max_consumption" integer,
	CONSTRAINT "license_features_license_id_code_pk" PRIMARY KEY("license_id","code")
);
--> statement-breakpoint
CREATE TABLE "license_custom_fields" (
	"workspace_id" uuid NOT NULL,
	"license_id" uuid NOT NULL,
	"name" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "license_custom_fields_license_id_name_pk" PRIMARY KEY("license_id","name")
);
--> statement-breakpoint
CREATE TABLE "license_users" (
	"workspace_id" uuid NOT NULL,
	"license_id" uuid NOT NULL,
	"email" text NOT NULL,
	"is_manager" boolean DEFAULT false NOT NULL,
	CONSTRAINT "license_users_license_id_email_pk" PRIMARY KEY("license_id","email")
);
--> statement-breakpoint
CREATE TABLE "inbox_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"external_id" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enqueued_at" timestamp with time zone,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"target" text DEFAULT 'hubspot' NOT NULL,
	"object_kind" text NOT NULL,
	"object_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "external_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"entity_kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"provider" text NOT NULL,
	"external_type" text NOT NULL,
	"external_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid,
	"queue" text NOT NULL,
	"job_name" text NOT NULL,
	"job_id" text NOT NULL,
	"inbox_event_id" bigint,
	"event_id" text,
	"event_type" text,
	"attempts" integer NOT NULL,
	"first_error" text NOT NULL,
	"last_error" text NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"payload" jsonb,
	"status" text DEFAULT 'failed' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stripe_price_problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"price_id" text NOT NULL,
	"product_id" text,
	"problems" jsonb NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"stripe_subscription_id" text NOT NULL,
	"customer_id" uuid,
	"stripe_customer_id" text,
	"status" text NOT NULL,
	"plan_name" text,
	"price_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quantity" bigint,
	"currency" text,
	"amount" bigint,
	"current_period_start" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"trial_end" timestamp with time zone,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"cancel_at" timestamp with time zone,
	"canceled_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"stripe_event_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"stripe_invoice_id" text NOT NULL,
	"customer_id" uuid,
	"stripe_customer_id" text,
	"stripe_subscription_id" text,
	"number" text,
	"status" text NOT NULL,
	"billing_reason" text,
	"currency" text,
	"amount_due" bigint,
	"amount_paid" bigint,
	"amount_remaining" bigint,
	"total" bigint,
	"due_date" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"overdue" boolean DEFAULT false NOT NULL,
	"payment_failed" boolean DEFAULT false NOT NULL,
	"hosted_invoice_url" text,
	"invoice_pdf" text,
	"stripe_event_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hubspot_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"portal_id" text NOT NULL,
	"auth_kind" text NOT NULL,
	"access_token" text NOT NULL,
	"refresh_token" text,
	"expires_at" timestamp with time zone,
	"status" text DEFAULT 'active' NOT NULL,
	"object_type_ids" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"schema_version" integer DEFAULT 0 NOT NULL,
	"default_customer_object" text DEFAULT 'contact' NOT NULL,
	"sync_toggles" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"subjects" text[] NOT NULL,
	"outcome" text NOT NULL,
	"message" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "resync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"scope" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer,
	"done" integer DEFAULT 0 NOT NULL,
	"checkpoint" jsonb,
	"failed_slices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"report" jsonb,
	"requested_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_bundle_members" ADD CONSTRAINT "product_bundle_members_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_bundle_members" ADD CONSTRAINT "product_bundle_members_bundle_product_id_products_id_fk" FOREIGN KEY ("bundle_product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_bundle_members" ADD CONSTRAINT "product_bundle_members_member_product_id_products_id_fk" FOREIGN KEY ("member_product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_policies" ADD CONSTRAINT "license_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_policies" ADD CONSTRAINT "license_policies_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_features" ADD CONSTRAINT "product_features_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_features" ADD CONSTRAINT "product_features_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_custom_fields" ADD CONSTRAINT "product_custom_fields_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_custom_fields" ADD CONSTRAINT "product_custom_fields_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_accounts" ADD CONSTRAINT "customer_accounts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_policy_id_license_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."license_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_features" ADD CONSTRAINT "license_features_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_features" ADD CONSTRAINT "license_features_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_custom_fields" ADD CONSTRAINT "license_custom_fields_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_custom_fields" ADD CONSTRAINT "license_custom_fields_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_users" ADD CONSTRAINT "license_users_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_users" ADD CONSTRAINT "license_users_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_events" ADD CONSTRAINT "inbox_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_outbox" ADD CONSTRAINT "sync_outbox_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_links" ADD CONSTRAINT "external_links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_failures" ADD CONSTRAINT "job_failures_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_price_problems" ADD CONSTRAINT "stripe_price_problems_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD CONSTRAINT "billing_subscriptions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD CONSTRAINT "billing_subscriptions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_invoices" ADD CONSTRAINT "billing_invoices_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_invoices" ADD CONSTRAINT "billing_invoices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hubspot_connections" ADD CONSTRAINT "hubspot_connections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_log" ADD CONSTRAINT "activity_log_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resync_runs" ADD CONSTRAINT "resync_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "products_workspace_short_code" ON "products" USING btree ("workspace_id","short_code");--> statement-breakpoint
CREATE UNIQUE INDEX "license_policies_product_code" ON "license_policies" USING btree ("product_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "product_features_product_code" ON "product_features" USING btree ("product_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "product_custom_fields_product_name" ON "product_custom_fields" USING btree ("product_id","name");--> statement-breakpoint
CREATE INDEX "customer_accounts_workspace_domain" ON "customer_accounts" USING btree ("workspace_id","domain");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_workspace_stripe_customer" ON "customers" USING btree ("workspace_id","stripe_customer_id");--> statement-breakpoint
CREATE INDEX "customers_workspace_email" ON "customers" USING btree ("workspace_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_workspace_source" ON "orders" USING btree ("workspace_id","source_kind","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_workspace_source_key" ON "licenses" USING btree ("workspace_id","source_key");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_license_key" ON "licenses" USING btree ("license_key");--> statement-breakpoint
CREATE INDEX "licenses_workspace_subscription" ON "licenses" USING btree ("workspace_id","stripe_subscription_id");--> statement-breakpoint
CREATE INDEX "licenses_workspace_payment_intent" ON "licenses" USING btree ("workspace_id","stripe_payment_intent_id");--> statement-breakpoint
CREATE INDEX "licenses_workspace_customer" ON "licenses" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_events_provider_external" ON "inbox_events" USING btree ("provider","external_id");--> statement-breakpoint
CREATE INDEX "inbox_events_status_received" ON "inbox_events" USING btree ("status","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_outbox_one_pending" ON "sync_outbox" USING btree ("workspace_id","target","object_kind","object_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "sync_outbox_pending" ON "sync_outbox" USING btree ("status","target","object_kind","available_at");--> statement-breakpoint
CREATE UNIQUE INDEX "external_links_external" ON "external_links" USING btree ("workspace_id","provider","external_type","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "external_links_entity" ON "external_links" USING btree ("workspace_id","entity_kind","entity_id","provider","external_type");--> statement-breakpoint
CREATE INDEX "job_failures_status_created" ON "job_failures" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "job_failures_queue" ON "job_failures" USING btree ("queue");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_price_problems_price" ON "stripe_price_problems" USING btree ("workspace_id","price_id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_subscriptions_stripe" ON "billing_subscriptions" USING btree ("workspace_id","stripe_subscription_id");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_invoices_stripe" ON "billing_invoices" USING btree ("workspace_id","stripe_invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hubspot_connections_workspace" ON "hubspot_connections" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "activity_log_subjects" ON "activity_log" USING gin ("subjects");--> statement-breakpoint
CREATE INDEX "activity_log_at" ON "activity_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "resync_runs_one_active" ON "resync_runs" USING btree ("workspace_id","kind","scope") WHERE status in ('queued', 'running');
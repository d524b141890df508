CREATE TABLE "floating_leases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"license_id" uuid NOT NULL,
	"hardware_id" text NOT NULL,
	"borrowed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "license_activations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"license_id" uuid NOT NULL,
	"hardware_id" text NOT NULL,
	"user_email" text,
	"app_version" text,
	"os" text,
	"activated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_check_at" timestamp with time zone,
	"deactivated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "product_signing_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"public_key_pem" text NOT NULL,
	"private_key_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_versions" (
	"workspace_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"version" text NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	CONSTRAINT "product_versions_product_id_version_pk" PRIMARY KEY("product_id","version")
);
--> statement-breakpoint
ALTER TABLE "license_policies" ADD COLUMN "floating_timeout_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "license_policies" ADD COLUMN "max_consumptions" integer;--> statement-breakpoint
ALTER TABLE "license_policies" ADD COLUMN "allow_overages" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "license_policies" ADD COLUMN "max_overages" integer;--> statement-breakpoint
ALTER TABLE "license_users" ADD COLUMN "password_hash" text;--> statement-breakpoint
ALTER TABLE "license_users" ADD COLUMN "password_set_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "floating_timeout_minutes" integer;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "max_consumptions" integer;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "allow_overages" boolean;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "max_overages" integer;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "activations_in_use" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "last_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "floating_leases" ADD CONSTRAINT "floating_leases_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floating_leases" ADD CONSTRAINT "floating_leases_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_activations" ADD CONSTRAINT "license_activations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_activations" ADD CONSTRAINT "license_activations_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_signing_keys" ADD CONSTRAINT "product_signing_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_signing_keys" ADD CONSTRAINT "product_signing_keys_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_versions" ADD CONSTRAINT "product_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_versions" ADD CONSTRAINT "product_versions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "floating_leases_license_hardware" ON "floating_leases" USING btree ("license_id","hardware_id");--> statement-breakpoint
CREATE INDEX "floating_leases_license_expiry" ON "floating_leases" USING btree ("license_id","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "license_activations_one_live" ON "license_activations" USING btree ("license_id","hardware_id") WHERE deactivated_at is null;--> statement-breakpoint
CREATE INDEX "license_activations_workspace_license" ON "license_activations" USING btree ("workspace_id","license_id");--> statement-breakpoint
CREATE UNIQUE INDEX "product_signing_keys_product" ON "product_signing_keys" USING btree ("product_id");
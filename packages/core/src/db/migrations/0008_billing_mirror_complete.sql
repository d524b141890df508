ALTER TABLE "customers" ALTER COLUMN "customer_type" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "customer_type" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_invoices" ADD COLUMN "subtotal_excluding_tax" bigint;--> statement-breakpoint
ALTER TABLE "billing_invoices" ADD COLUMN "issued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD COLUMN "stripe_created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD COLUMN "billing_time" text;--> statement-breakpoint
ALTER TABLE "billing_subscriptions" ADD COLUMN "livemode" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "hubspot_connections" ADD COLUMN "status_swept_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "billing_invoices_workspace_due_date" ON "billing_invoices" USING btree ("workspace_id","due_date");--> statement-breakpoint
CREATE INDEX "licenses_workspace_valid_until" ON "licenses" USING btree ("workspace_id","valid_until");
CREATE TABLE "hubspot_associations" (
	"workspace_id" uuid NOT NULL,
	"portal_id" text NOT NULL,
	"from_type" text NOT NULL,
	"from_id" text NOT NULL,
	"to_type" text NOT NULL,
	"to_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hubspot_associations_portal_id_from_type_from_id_to_type_to_id_pk" PRIMARY KEY("portal_id","from_type","from_id","to_type","to_id")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "stripe_event_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hubspot_associations" ADD CONSTRAINT "hubspot_associations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;
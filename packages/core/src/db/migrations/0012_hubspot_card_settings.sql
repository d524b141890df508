CREATE TABLE "hubspot_card_settings" (
	"workspace_id" uuid NOT NULL,
	"portal_id" text NOT NULL,
	"hubspot_user_id" text NOT NULL,
	"layout" text NOT NULL,
	"fields" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hubspot_card_settings_workspace_id_portal_id_hubspot_user_id_layout_pk" PRIMARY KEY("workspace_id","portal_id","hubspot_user_id","layout")
);
--> statement-breakpoint
ALTER TABLE "hubspot_card_settings" ADD CONSTRAINT "hubspot_card_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;
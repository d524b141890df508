DROP INDEX "sync_outbox_pending";--> statement-breakpoint
ALTER TABLE "sync_outbox" ADD COLUMN "priority" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_outbox" ADD COLUMN "resync_run_id" uuid;--> statement-breakpoint
ALTER TABLE "sync_outbox" ADD CONSTRAINT "sync_outbox_resync_run_id_resync_runs_id_fk" FOREIGN KEY ("resync_run_id") REFERENCES "public"."resync_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_outbox_claim" ON "sync_outbox" USING btree ("workspace_id","target","object_kind","priority","id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "sync_outbox_lease" ON "sync_outbox" USING btree ("available_at") WHERE status = 'processing';--> statement-breakpoint
CREATE INDEX "sync_outbox_purge" ON "sync_outbox" USING btree ("processed_at") WHERE status = 'done';--> statement-breakpoint
CREATE INDEX "sync_outbox_resync_run" ON "sync_outbox" USING btree ("resync_run_id","status") WHERE resync_run_id is not null;
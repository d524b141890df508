ALTER TABLE "inbox_events" ALTER COLUMN "payload" SET DATA TYPE text;--> statement-breakpoint
-- lz4 (Postgres 14+ built with it) compresses the stored bodies at a fraction of pglz's CPU cost.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
    ALTER TABLE "inbox_events" ALTER COLUMN "payload" SET COMPRESSION lz4;
  END IF;
END $$;
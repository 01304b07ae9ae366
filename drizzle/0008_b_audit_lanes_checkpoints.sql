CREATE TABLE "audit_checkpoint" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"key_id" text NOT NULL,
	"chains" integer NOT NULL,
	"events" bigint NOT NULL,
	"payload" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_chain_head" ADD COLUMN "base" text;--> statement-breakpoint
ALTER TABLE "audit_chain_head" ADD COLUMN "lane" integer;--> statement-breakpoint
-- Existing lanes: `org:<id>` is lane 0 of its chain, `org:<id>/3` lane 3 (edited by hand: the
-- columns are filled before they become NOT NULL).
UPDATE "audit_chain_head" SET
	"base" = regexp_replace("chain", '/[0-9]+$', ''),
	"lane" = coalesce(substring("chain" from '/([0-9]+)$')::integer, 0);--> statement-breakpoint
ALTER TABLE "audit_chain_head" ALTER COLUMN "base" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_chain_head" ALTER COLUMN "lane" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_chain_head" ADD COLUMN "opened_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "hash_version" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_head_base_lane_index" ON "audit_chain_head" USING btree ("base","lane");
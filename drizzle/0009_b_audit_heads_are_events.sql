ALTER TABLE "audit_chain_head" DROP COLUMN "seq";--> statement-breakpoint
ALTER TABLE "audit_chain_head" DROP COLUMN "hash";
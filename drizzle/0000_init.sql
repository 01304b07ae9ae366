CREATE TYPE "public"."guarantee_kind" AS ENUM('contract', 'advance_payment', 'intermediate_advance_payment');--> statement-breakpoint
CREATE TYPE "public"."guarantee_status" AS ENUM('valid', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('clerk', 'admin', 'auditor');--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"username" text NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"chain" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"chain" text NOT NULL,
	"seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"request_id" text,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"organization_id" uuid,
	"issuer_id" uuid,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"guarantee_id" uuid,
	"guarantee_number" text,
	"purpose" text,
	"ip" text,
	"user_agent" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "certificate_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guarantee_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"issued_on" date NOT NULL,
	"amendment_reason" text,
	"contractor_name" text NOT NULL,
	"contractor_address" text NOT NULL,
	"contractor_representative" text NOT NULL,
	"orderer_name" text NOT NULL,
	"works_name" text NOT NULL,
	"works_location" text NOT NULL,
	"contract_amount" bigint NOT NULL,
	"works_start_on" date NOT NULL,
	"works_end_on" date NOT NULL,
	"guarantee_amount" bigint NOT NULL,
	"advance_payment_amount" bigint,
	"guarantee_start_on" date NOT NULL,
	"guarantee_end_on" date NOT NULL,
	"raw_submission" text NOT NULL,
	"raw_content_type" text NOT NULL,
	"signature_kid" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_file_id" uuid NOT NULL,
	"changed_on" date NOT NULL,
	"contract_amount" bigint,
	"end_on" date,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"contract_number" text NOT NULL,
	"works_name" text NOT NULL,
	"contractor_name" text NOT NULL,
	"contract_amount" bigint NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"low_bid" boolean DEFAULT false NOT NULL,
	"advance_payment_amount" bigint,
	"intermediate_advance_payment_amount" bigint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_guarantee" (
	"contract_file_id" uuid NOT NULL,
	"guarantee_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"attached_by" uuid,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_checked_at" timestamp with time zone,
	"last_snapshot" jsonb,
	CONSTRAINT "contract_guarantee_contract_file_id_guarantee_id_pk" PRIMARY KEY("contract_file_id","guarantee_id")
);
--> statement-breakpoint
CREATE TABLE "guarantee" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_id" uuid NOT NULL,
	"guarantee_number" text NOT NULL,
	"kind" "guarantee_kind" NOT NULL,
	"organization_id" uuid NOT NULL,
	"auth_key_hash" "bytea" NOT NULL,
	"auth_key_issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "guarantee_status" DEFAULT 'valid' NOT NULL,
	"cancelled_on" date,
	"cancellation_reason" text,
	"first_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_key" (
	"issuer_id" uuid NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"response_status" integer,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_key_issuer_id_key_pk" PRIMARY KEY("issuer_id","key")
);
--> statement-breakpoint
CREATE TABLE "issuer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"require_signature" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issuer_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "issuer_key" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_id" uuid NOT NULL,
	"kid" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "issuer_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "issuer_token_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "organization" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "rate_limit" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"secret_hash" "bytea" NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_version" ADD CONSTRAINT "certificate_version_guarantee_id_guarantee_id_fk" FOREIGN KEY ("guarantee_id") REFERENCES "public"."guarantee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_change" ADD CONSTRAINT "contract_change_contract_file_id_contract_file_id_fk" FOREIGN KEY ("contract_file_id") REFERENCES "public"."contract_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_change" ADD CONSTRAINT "contract_change_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_file" ADD CONSTRAINT "contract_file_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_file" ADD CONSTRAINT "contract_file_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_guarantee" ADD CONSTRAINT "contract_guarantee_contract_file_id_contract_file_id_fk" FOREIGN KEY ("contract_file_id") REFERENCES "public"."contract_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_guarantee" ADD CONSTRAINT "contract_guarantee_guarantee_id_guarantee_id_fk" FOREIGN KEY ("guarantee_id") REFERENCES "public"."guarantee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_guarantee" ADD CONSTRAINT "contract_guarantee_attached_by_app_user_id_fk" FOREIGN KEY ("attached_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee" ADD CONSTRAINT "guarantee_issuer_id_issuer_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guarantee" ADD CONSTRAINT "guarantee_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_issuer_id_issuer_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuer_key" ADD CONSTRAINT "issuer_key_issuer_id_issuer_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issuer_token" ADD CONSTRAINT "issuer_token_issuer_id_issuer_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_organization_id_username_index" ON "app_user" USING btree ("organization_id","username");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_event_chain_seq_index" ON "audit_event" USING btree ("chain","seq");--> statement-breakpoint
CREATE INDEX "audit_event_organization_id_at_index" ON "audit_event" USING btree ("organization_id","at");--> statement-breakpoint
CREATE INDEX "audit_event_guarantee_id_at_index" ON "audit_event" USING btree ("guarantee_id","at");--> statement-breakpoint
CREATE INDEX "audit_event_issuer_id_at_index" ON "audit_event" USING btree ("issuer_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_version_guarantee_id_version_index" ON "certificate_version" USING btree ("guarantee_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_file_organization_id_contract_number_index" ON "contract_file" USING btree ("organization_id","contract_number");--> statement-breakpoint
CREATE INDEX "contract_guarantee_guarantee_id_index" ON "contract_guarantee" USING btree ("guarantee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guarantee_issuer_id_guarantee_number_index" ON "guarantee" USING btree ("issuer_id","guarantee_number");--> statement-breakpoint
CREATE INDEX "guarantee_guarantee_number_index" ON "guarantee" USING btree ("guarantee_number");--> statement-breakpoint
CREATE INDEX "guarantee_organization_id_first_verified_at_index" ON "guarantee" USING btree ("organization_id","first_verified_at");--> statement-breakpoint
CREATE UNIQUE INDEX "issuer_key_issuer_id_kid_index" ON "issuer_key" USING btree ("issuer_id","kid");--> statement-breakpoint
CREATE INDEX "session_user_id_index" ON "session" USING btree ("user_id");
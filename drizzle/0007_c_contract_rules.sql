CREATE TYPE "public"."issuer_type" AS ENUM('surety', 'insurer', 'bank');--> statement-breakpoint
CREATE TYPE "public"."security_method" AS ENUM('paper', 'bond', 'insurance', 'bank', 'cash', 'exempt');--> statement-breakpoint
CREATE TYPE "public"."works_category" AS ENUM('construction', 'service');--> statement-breakpoint
CREATE TABLE "contract_detachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_file_id" uuid NOT NULL,
	"guarantee_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"attached_at" timestamp with time zone NOT NULL,
	"attached_by" uuid,
	"note" text NOT NULL,
	"detached_by" uuid,
	"detached_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_security" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_file_id" uuid NOT NULL,
	"kind" "guarantee_kind" NOT NULL,
	"method" "security_method" NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"amount" bigint,
	"end_on" date,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdraw_note" text
);
--> statement-breakpoint
CREATE TABLE "organization_rule" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"service_advance_tenths" integer DEFAULT 3 NOT NULL,
	"low_bid_advance_tenths" integer,
	"advance_rounding_unit" integer DEFAULT 1 NOT NULL,
	"advance_cap" bigint,
	"increase_shortfall" text DEFAULT 'warn' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificate_version" ADD COLUMN "works_category" "works_category";--> statement-breakpoint
ALTER TABLE "certificate_version" ADD COLUMN "contracted_on" date;--> statement-breakpoint
ALTER TABLE "certificate_version" ADD COLUMN "fiscal_year" integer;--> statement-breakpoint
ALTER TABLE "certificate_version" ADD COLUMN "fiscal_year_amount" bigint;--> statement-breakpoint
ALTER TABLE "certificate_version" ADD COLUMN "contractor_members" jsonb;--> statement-breakpoint
ALTER TABLE "certificate_version" ADD COLUMN "issuing_office_name" text;--> statement-breakpoint
ALTER TABLE "certificate_version" ADD COLUMN "issuing_office_phone" text;--> statement-breakpoint
ALTER TABLE "contract_file" ADD COLUMN "category" "works_category" DEFAULT 'construction' NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_file" ADD COLUMN "contracted_on" date;--> statement-breakpoint
ALTER TABLE "contract_file" ADD COLUMN "fiscal_year" integer;--> statement-breakpoint
ALTER TABLE "contract_file" ADD COLUMN "fiscal_year_amount" bigint;--> statement-breakpoint
ALTER TABLE "contract_file" ADD COLUMN "intermediate_certified_on" date;--> statement-breakpoint
ALTER TABLE "contract_file" ADD COLUMN "partial_payment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_file" ADD COLUMN "completed_on" date;--> statement-breakpoint
ALTER TABLE "contract_guarantee" ADD COLUMN "mismatch_note" text;--> statement-breakpoint
ALTER TABLE "issuer" ADD COLUMN "type" "issuer_type" DEFAULT 'surety' NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_detachment" ADD CONSTRAINT "contract_detachment_contract_file_id_contract_file_id_fk" FOREIGN KEY ("contract_file_id") REFERENCES "public"."contract_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_detachment" ADD CONSTRAINT "contract_detachment_guarantee_id_guarantee_id_fk" FOREIGN KEY ("guarantee_id") REFERENCES "public"."guarantee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_detachment" ADD CONSTRAINT "contract_detachment_attached_by_app_user_id_fk" FOREIGN KEY ("attached_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_detachment" ADD CONSTRAINT "contract_detachment_detached_by_app_user_id_fk" FOREIGN KEY ("detached_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_security" ADD CONSTRAINT "contract_security_contract_file_id_contract_file_id_fk" FOREIGN KEY ("contract_file_id") REFERENCES "public"."contract_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_security" ADD CONSTRAINT "contract_security_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_security" ADD CONSTRAINT "contract_security_withdrawn_by_app_user_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_rule" ADD CONSTRAINT "organization_rule_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_rule" ADD CONSTRAINT "organization_rule_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_detachment_contract_file_id_index" ON "contract_detachment" USING btree ("contract_file_id");--> statement-breakpoint
CREATE INDEX "contract_security_contract_file_id_index" ON "contract_security" USING btree ("contract_file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_security_once" ON "contract_security" USING btree ("contract_file_id","kind","method","reference") WHERE "contract_security"."withdrawn_at" is null;
CREATE TABLE "portal_secret" (
	"name" text PRIMARY KEY NOT NULL,
	"value" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_failure" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"ip" text NOT NULL,
	"label" text NOT NULL,
	"reason" text NOT NULL,
	"organization_id" uuid,
	"user_agent" text,
	"count" integer NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sign_in_failure" ADD CONSTRAINT "sign_in_failure_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sign_in_failure_minute_ip_label_reason_index" ON "sign_in_failure" USING btree ("minute","ip","label","reason");--> statement-breakpoint
CREATE INDEX "sign_in_failure_unrecorded_idx" ON "sign_in_failure" USING btree ("minute") WHERE "sign_in_failure"."recorded_at" is null;
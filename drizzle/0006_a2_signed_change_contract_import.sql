CREATE TABLE "contract_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_by" uuid,
	"imported" integer NOT NULL,
	"rejected" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signed_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"signing_input_hash" "bytea" NOT NULL,
	"issuer_id" uuid NOT NULL,
	"guarantee_id" uuid NOT NULL,
	"action" text NOT NULL,
	"version" integer,
	"applied" boolean DEFAULT true NOT NULL,
	"jws" text NOT NULL,
	"kid" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contract_import" ADD CONSTRAINT "contract_import_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_import" ADD CONSTRAINT "contract_import_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_change" ADD CONSTRAINT "signed_change_issuer_id_issuer_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."issuer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signed_change" ADD CONSTRAINT "signed_change_guarantee_id_guarantee_id_fk" FOREIGN KEY ("guarantee_id") REFERENCES "public"."guarantee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_import_organization_id_created_at_index" ON "contract_import" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signed_change_signing_input_hash_index" ON "signed_change" USING btree ("signing_input_hash");--> statement-breakpoint
CREATE INDEX "signed_change_guarantee_id_action_index" ON "signed_change" USING btree ("guarantee_id","action");
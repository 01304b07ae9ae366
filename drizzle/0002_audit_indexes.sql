CREATE INDEX "audit_event_org_id_idx" ON "audit_event" USING btree ("organization_id","id");--> statement-breakpoint
CREATE INDEX "audit_event_org_number_idx" ON "audit_event" USING btree ("organization_id","guarantee_number","id");--> statement-breakpoint
CREATE INDEX "audit_event_org_actor_idx" ON "audit_event" USING btree ("organization_id","actor_id","id");
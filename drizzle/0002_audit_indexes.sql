DROP INDEX "audit_event_organization_id_at_index";--> statement-breakpoint
CREATE INDEX "audit_event_org_at_idx" ON "audit_event" USING btree ("organization_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_event_org_number_idx" ON "audit_event" USING btree ("organization_id","guarantee_number","at","id");--> statement-breakpoint
CREATE INDEX "audit_event_org_actor_idx" ON "audit_event" USING btree ("organization_id","actor_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_event_org_action_idx" ON "audit_event" USING btree ("organization_id","action","at","id");--> statement-breakpoint
CREATE INDEX "audit_event_org_outcome_idx" ON "audit_event" USING btree ("organization_id","outcome","at","id");
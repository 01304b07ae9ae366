-- The one way an event enters the trail (issue 13). Whoever inserts into audit_event names the
-- chain (`org:<id>`, `issuer:<id>`, `operator`, `portal`); this trigger, owned by the schema's
-- owner, decides everything that places the event: the lane, `seq`, `prev_hash`, `at`,
-- `hash_version` and `hash`. The app's role can therefore only append, at the end of a lane,
-- correctly linked; it cannot put an event in a lane without a head, at seq 0, after a gap,
-- or with a hash of its own. docs/AUDIT.md explains the design and its threat model.

-- Every event hangs from its lane's row. NOT VALID: a trail written before this migration is
-- checked by `audit verify`, not here, so a database with stray rows still starts.
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_chain_head_fk"
	FOREIGN KEY ("chain") REFERENCES "audit_chain_head" ("chain") NOT VALID;
--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_seq_from_one" CHECK ("seq" >= 1) NOT VALID;
--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_hash_version"
	CHECK ("hash_version" IN (1, 2)) NOT VALID;
--> statement-breakpoint

-- Hash version 2: SHA-256 of the JSON array of texts array_to_json writes, so that one statement
-- can link an event to the one before it. `audit verify` hashes each event itself (audit/verify.ts),
-- never by calling this function, which the schema's owner could replace; the layout is pinned in
-- audit/chain.ts `canonicalV2` and docs/AUDIT.md: `JSON.stringify` of an array of strings (and
-- nulls) — `seq` in decimal, `at` UTC with milliseconds, `detail` as jsonb prints it.
CREATE FUNCTION audit_hash_v2(
	chain text, seq bigint, prev_hash text, at timestamptz, request_id text, actor_type text,
	actor_id text, actor_label text, organization_id uuid, issuer_id uuid, action text,
	outcome text, reason text, guarantee_id uuid, guarantee_number text, purpose text, ip text,
	user_agent text, detail jsonb
) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(pg_catalog.array_to_json(
		ARRAY['kensho-audit/2', chain, seq::text, prev_hash,
			pg_catalog.to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
			request_id, actor_type, actor_id, actor_label, organization_id::text, issuer_id::text,
			action, outcome, reason, guarantee_id::text, guarantee_number, purpose, ip, user_agent,
			detail::text])::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint

-- Lanes: a writer takes the first lane of the chain that no other transaction holds
-- (pg_try_advisory_xact_lock: never waits), so clerks of one organisation never wait for each
-- other's commits, and nothing is remembered outside the database. A lane held by this very
-- transaction counts as free, so one transaction's events stay together. Only when 32 are held
-- at once does a writer wait, for lane 0. The lock is taken before the lane's last event is
-- read, so that read (a statement of its own, with its own snapshot) sees every committed event.
CREATE FUNCTION audit_event_append() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
	wanted text := NEW.chain;
	lock_key integer := pg_catalog.hashtext(NEW.chain);
	lane integer := 0;
	lane_chain text;
	last_seq bigint;
	last_hash text;
BEGIN
	IF wanted IS NULL OR pg_catalog.strpos(wanted, '/') > 0 THEN
		RAISE EXCEPTION 'audit_event: name a chain, not a lane (%)', wanted
			USING ERRCODE = 'check_violation';
	END IF;
	WHILE NOT pg_catalog.pg_try_advisory_xact_lock(lock_key, lane) LOOP
		lane := lane + 1;
		IF lane = 32 THEN
			lane := 0;
			PERFORM pg_catalog.pg_advisory_xact_lock(lock_key, lane);
			EXIT;
		END IF;
	END LOOP;
	lane_chain := CASE WHEN lane = 0 THEN wanted ELSE wanted || '/' || lane END;
	SELECT e.seq, e.hash INTO last_seq, last_hash FROM audit_event e
		WHERE e.chain = lane_chain ORDER BY e.seq DESC LIMIT 1;
	IF last_seq IS NULL THEN
		INSERT INTO audit_chain_head (chain, base, lane) VALUES (lane_chain, wanted, lane)
			ON CONFLICT DO NOTHING;
		last_seq := 0;
		last_hash := pg_catalog.repeat('0', 64);
	END IF;
	NEW.chain := lane_chain;
	NEW.seq := last_seq + 1;
	NEW.prev_hash := last_hash;
	NEW.at := pg_catalog.date_trunc('milliseconds', pg_catalog.clock_timestamp());
	NEW.hash_version := 2;
	NEW.hash := audit_hash_v2(NEW.chain, NEW.seq, NEW.prev_hash, NEW.at, NEW.request_id,
		NEW.actor_type, NEW.actor_id, NEW.actor_label, NEW.organization_id, NEW.issuer_id,
		NEW.action, NEW.outcome, NEW.reason, NEW.guarantee_id, NEW.guarantee_number, NEW.purpose,
		NEW.ip, NEW.user_agent, NEW.detail);
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_append BEFORE INSERT ON audit_event
	FOR EACH ROW EXECUTE FUNCTION audit_event_append();
--> statement-breakpoint

-- Lane rows and checkpoints never change and are never removed, like the events: the function
-- of 0001 refuses them too, naming the table.
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
		USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_update BEFORE UPDATE OR DELETE ON audit_chain_head
	FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
	FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint
	FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
	FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

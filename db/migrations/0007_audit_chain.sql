CREATE TABLE "audit_verifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_label" text NOT NULL,
	"ok" boolean NOT NULL,
	"events" integer NOT NULL,
	"head_id" bigint,
	"head_hash" text,
	"broken_id" bigint,
	"problem" text,
	"detail" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text;--> statement-breakpoint
-- Audit events are append-only: UPDATE, DELETE and TRUNCATE are refused for everyone, the
-- application included. The one exception is sealing an event written before the chain existed:
-- giving it its hashes once, with every other column unchanged.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.hash IS NULL AND OLD.prev_hash IS NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
       AND (NEW.id, NEW.at, NEW.actor_id, NEW.actor_label, NEW.action, NEW.entity_type, NEW.entity_id, NEW.case_id,
            NEW.subject, NEW.client_address, NEW.changes, NEW.reason)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.at, OLD.actor_id, OLD.actor_label, OLD.action, OLD.entity_type, OLD.entity_id, OLD.case_id,
            OLD.subject, OLD.client_address, OLD.changes, OLD.reason) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_events_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
--> statement-breakpoint
-- The next event's place in the chain, in one round trip and in this order: take the chain's lock
-- (held to the end of the transaction), read the head, take the next id and the time. The
-- application computes the event's hash from these and inserts it (lib/audit/record.ts).
CREATE FUNCTION "audit_chain_next"(OUT next_id bigint, OUT head_exists boolean, OUT head_hash text, OUT at_ms bigint) LANGUAGE plpgsql AS $$
BEGIN
  -- Under a snapshot older than the lock, the head read below could be stale and fork the chain.
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit events are appended at READ COMMITTED only, not %', current_setting('transaction_isolation');
  END IF;
  PERFORM pg_advisory_xact_lock(7022907060185653095);
  SELECT true, e.hash INTO head_exists, head_hash FROM audit_events e ORDER BY e.id DESC LIMIT 1;
  head_exists := coalesce(head_exists, false);
  next_id := nextval(pg_get_serial_sequence('audit_events', 'id'));
  at_ms := (extract(epoch from clock_timestamp()) * 1000)::bigint;
END
$$;

-- Events without loss: the outbox (event) is the truth; NOTIFY only wakes the dispatchers of every instance, carrying
-- nothing but the new event's id. Subscriptions, webhooks, the Atom feeds and the change feed all read from here.

-- Who an event is for: NULL for public events (MinutesPublished, NoticeSent, …); a party code for an event about that
-- party's PARTY data (InboxItemArrived). Payloads carry ids only: what they point at is read by each receiver in its own
-- tenant transaction, so row-level security decides what it sees.
ALTER TABLE event ADD COLUMN party_code text;
-- The county of the body, for subscribers' and webhooks' filters.
ALTER TABLE event ADD COLUMN county_code text;
-- A public change to a published object, for the change feed: PUBLISHED, REVISED, WITHDRAWN or SUPERSEDED, and the
-- object it changed (its GraphQL type and key).
ALTER TABLE event ADD COLUMN change text CHECK (change IN ('PUBLISHED', 'REVISED', 'WITHDRAWN', 'SUPERSEDED'));
ALTER TABLE event ADD COLUMN object_type text;
ALTER TABLE event ADD COLUMN object_id uuid;
ALTER TABLE event ADD CONSTRAINT event_change_object
    CHECK ((change IS NULL) = (object_id IS NULL) AND (object_id IS NULL) = (object_type IS NULL)
           AND (change IS NULL OR party_code IS NULL));
CREATE INDEX event_change ON event (id) WHERE change IS NOT NULL;
CREATE INDEX event_object ON event (object_id, id) WHERE object_id IS NOT NULL;
CREATE INDEX event_type_id ON event (type, id);

-- Readers page through the outbox by id ("everything after N"). A bigserial alone does not give that: a transaction
-- that took id 7 may commit after one that took id 8, and a reader that has seen 8 would never see 7. So writers of
-- events take one transaction-scoped lock before drawing their id: event ids commit in order, and what a reader sees
-- is always a prefix of the final sequence. Event-writing transactions are short; the lock is held only by them.
CREATE FUNCTION event_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7338410541);               -- arbitrary constant: "the outbox"
    NEW.id := nextval(pg_get_serial_sequence('event', 'id'));
    NEW.created_at := clock_timestamp();
    IF NEW.body_id IS NOT NULL THEN
        NEW.county_code := (SELECT county_code FROM body WHERE id = NEW.body_id);
    END IF;
    PERFORM pg_notify('samverkan_events', NEW.id::text);      -- delivered at commit, to every instance listening
    RETURN NEW;
END $$;
CREATE TRIGGER event_in_order BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION event_in_order();

-- Events are facts: never changed, never deleted by the service.
CREATE FUNCTION event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the outbox is append-only';
END $$;
CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event FOR EACH ROW EXECUTE FUNCTION event_append_only();

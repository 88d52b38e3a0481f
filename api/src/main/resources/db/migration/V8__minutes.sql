-- Minutes (protokoll): drafted by the secretary, signed by those the rulebook names (LSVO-13, PSVO-10), then frozen
-- (IMP-02): a trigger refuses any change to signed minutes, and each signed version's SHA-256 is chained to the body's
-- previous signed minutes. A correction is a new version that points at the one it corrects.

CREATE TABLE minutes (
    id            uuid PRIMARY KEY,
    meeting_id    uuid NOT NULL REFERENCES meeting,
    body_id       uuid NOT NULL REFERENCES body,
    version       integer NOT NULL DEFAULT 1,
    corrects      uuid REFERENCES minutes,
    content       text NOT NULL CHECK (length(content) BETWEEN 1 AND 200000),
    signatories   jsonb NOT NULL,                        -- chosen at the meeting: person, kind, side
    state         text NOT NULL CHECK (state IN ('DRAFT', 'SIGNED')),
    content_hash  text CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    previous_hash text CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    signed_at     timestamptz,
    published_at  timestamptz,
    drafted_by    text NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    row_version   integer NOT NULL DEFAULT 0,
    UNIQUE (meeting_id, version),
    CHECK ((state = 'SIGNED') = (content_hash IS NOT NULL AND signed_at IS NOT NULL))
);
CREATE INDEX minutes_body_signed ON minutes (body_id, signed_at);

CREATE TABLE minutes_signature (
    minutes_id uuid NOT NULL REFERENCES minutes,
    person_id  uuid NOT NULL REFERENCES person,
    kind       text NOT NULL,
    side       text,
    act        text NOT NULL,
    signed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (minutes_id, person_id)
);

-- IMP-02: once signed, the content, its hashes and its signatures never change; only publication may be recorded.
CREATE FUNCTION minutes_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.state = 'SIGNED' THEN
            RAISE EXCEPTION 'IMP-02: signed minutes are immutable (%), correct them with a new version', OLD.id;
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.state = 'SIGNED' AND (NEW.content IS DISTINCT FROM OLD.content
            OR NEW.state IS DISTINCT FROM OLD.state
            OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
            OR NEW.previous_hash IS DISTINCT FROM OLD.previous_hash
            OR NEW.signatories IS DISTINCT FROM OLD.signatories
            OR NEW.signed_at IS DISTINCT FROM OLD.signed_at
            OR NEW.meeting_id IS DISTINCT FROM OLD.meeting_id
            OR NEW.version IS DISTINCT FROM OLD.version) THEN
        RAISE EXCEPTION 'IMP-02: signed minutes are immutable (%), correct them with a new version', OLD.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER minutes_frozen BEFORE UPDATE OR DELETE ON minutes FOR EACH ROW EXECUTE FUNCTION minutes_frozen();

CREATE FUNCTION minutes_signatures_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM minutes WHERE id = OLD.minutes_id AND state = 'SIGNED') THEN
        RAISE EXCEPTION 'IMP-02: the signatures of signed minutes are immutable';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER minutes_signatures_frozen BEFORE UPDATE OR DELETE ON minutes_signature
    FOR EACH ROW EXECUTE FUNCTION minutes_signatures_frozen();

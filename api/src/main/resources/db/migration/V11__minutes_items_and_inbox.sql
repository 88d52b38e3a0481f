-- Minutes keep both orders of their items: the agenda's (planned, as the notice froze it) and the meeting's (actual,
-- as the matters were dealt with). A published correction supersedes the published version it corrects (IMP-02): the
-- older stays readable as history, and mirrors are told to replace it. Recommendations arrive in the inbox of every
-- committee they are addressed to (LSVO-27, PSVO-09), answered from there.

ALTER TABLE minutes ADD COLUMN superseded_by uuid REFERENCES minutes;
ALTER TABLE minutes ADD COLUMN superseded_at timestamptz;
ALTER TABLE minutes ADD CONSTRAINT minutes_superseded CHECK ((superseded_by IS NULL) = (superseded_at IS NULL));

-- One row per item of the minutes (paragraf): the matter or the other body's minutes it concerns, where it stood on the
-- agenda, where it was dealt with (null: not dealt with at the meeting, e.g. postponed), and what became of it.
CREATE TABLE minutes_item (
    minutes_id        uuid NOT NULL REFERENCES minutes,
    actual_position   integer CHECK (actual_position >= 1),
    planned_position  integer CHECK (planned_position >= 1),
    kind              text NOT NULL,                  -- MATTER, FORWARDED_MATTER, MINUTES_OF_BODY
    matter_id         uuid REFERENCES matter,
    title             text NOT NULL,
    outcome           text,                           -- the decision's outcome, or the matter's state
    PRIMARY KEY (minutes_id, title, kind),
    UNIQUE (minutes_id, actual_position),
    CHECK (actual_position IS NOT NULL OR planned_position IS NOT NULL)
);

-- IMP-02: the items of signed minutes never change either.
CREATE FUNCTION minutes_items_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF EXISTS (SELECT 1 FROM minutes WHERE id = NEW.minutes_id AND state = 'SIGNED') THEN
            RAISE EXCEPTION 'IMP-02: the items of signed minutes are immutable';
        END IF;
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM minutes WHERE id = OLD.minutes_id AND state = 'SIGNED') THEN
        RAISE EXCEPTION 'IMP-02: the items of signed minutes are immutable';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER minutes_items_frozen BEFORE INSERT OR UPDATE OR DELETE ON minutes_item
    FOR EACH ROW EXECUTE FUNCTION minutes_items_frozen();

ALTER TABLE inbox_item ADD COLUMN recommendation_id uuid REFERENCES recommendation;
ALTER TABLE inbox_item ADD CONSTRAINT inbox_item_what
    CHECK ((kind = 'MINUTES') = (minutes_id IS NOT NULL) AND (kind = 'RECOMMENDATION') = (recommendation_id IS NOT NULL));
CREATE UNIQUE INDEX inbox_item_recommendation ON inbox_item (committee_id, recommendation_id) WHERE recommendation_id IS NOT NULL;

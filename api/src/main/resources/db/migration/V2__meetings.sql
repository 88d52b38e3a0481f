-- Meetings (sammanträden). A meeting's notice and agenda become PUBLIC when sent; until then the meeting is visible
-- to the body's members. Deadlines are not stored: they derive from the rulebook in force on the meeting date.

CREATE TABLE meeting (
    id              uuid PRIMARY KEY,
    body_id         uuid NOT NULL REFERENCES body,
    kind            text NOT NULL CHECK (kind IN ('ORDINARY', 'EXTRA', 'PREPARATION')),
    starts_at       timestamptz NOT NULL,
    location        text NOT NULL CHECK (length(location) BETWEEN 1 AND 300),
    state           text NOT NULL CHECK (state IN ('PLANNED', 'NOTICE_SENT', 'HELD', 'CANCELLED')),
    preparation_for uuid REFERENCES meeting,               -- LSVO-24: the preparation group's meeting for this one
    scheduled_by    text NOT NULL,                          -- token subject
    scheduled_at    timestamptz NOT NULL DEFAULT now(),
    cancelled_by    text,
    cancelled_at    timestamptz,
    cancel_reason   text,
    version         integer NOT NULL DEFAULT 0,
    CHECK ((state = 'CANCELLED') = (cancelled_at IS NOT NULL))
);
CREATE INDEX meeting_body_start ON meeting (body_id, starts_at);
CREATE UNIQUE INDEX meeting_one_preparation ON meeting (preparation_for) WHERE preparation_for IS NOT NULL;

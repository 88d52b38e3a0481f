-- Attendance, declarations and decisions by party mandate (LSVO-16). MEMBERS data: the body's members see them;
-- a decision becomes public with the minutes (issue 5).

CREATE TABLE attendance (
    meeting_id        uuid NOT NULL REFERENCES meeting,
    seat_id           uuid NOT NULL REFERENCES seat,
    status            text NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'SUBSTITUTED', 'CO_OPTED', 'EXPERT', 'PRESENTER')),
    substitute_person uuid REFERENCES person,           -- LSVO-20: who holds the seat's mandate at this meeting
    recorded_by       text NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meeting_id, seat_id),
    CHECK ((status = 'SUBSTITUTED') = (substitute_person IS NOT NULL))
);

CREATE TABLE declaration (
    matter_id    uuid NOT NULL REFERENCES matter,
    seat_id      uuid NOT NULL REFERENCES seat,
    person_id    uuid NOT NULL REFERENCES person,       -- who exercised the seat's mandate
    position     text NOT NULL CHECK (position IN ('SUPPORT', 'OPPOSE', 'ABSTAIN')),
    channel      text NOT NULL CHECK (channel IN ('IN_MEETING', 'VIA_MEMBER', 'EMAIL_TO_SECRETARY')),
    conveyed_by  uuid REFERENCES seat,                  -- VIA_MEMBER: the member who conveyed it (LSVO-20)
    text         text CHECK (length(text) <= 2000),
    recorded_by  text NOT NULL,
    declared_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (matter_id, seat_id)
);

CREATE TABLE decision (
    id             uuid PRIMARY KEY,
    matter_id      uuid NOT NULL UNIQUE REFERENCES matter,
    meeting_id     uuid NOT NULL REFERENCES meeting,
    text           text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    outcome        text NOT NULL CHECK (outcome IN ('ADOPTED_BY_ALL', 'ADOPTED_BY_SOME', 'NOT_ADOPTED')),
    supporting     text[] NOT NULL,                     -- party codes
    not_supporting text[] NOT NULL,
    rule           text,                                -- the quorum rule it was decided under
    snapshot       jsonb NOT NULL,                      -- who was entitled, present and how each declared, as it was
    decided_by     text NOT NULL,
    decided_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decision_meeting ON decision (meeting_id);

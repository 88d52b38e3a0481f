-- Extra meetings (extra sammanträden, LSVO-07, PSVO-05, NB-04): who asked for one, when an extra meeting became due,
-- and an outbox of events for the secretary (delivered by a later release).
-- Requests are MEMBERS data: visible to those seated in the body; whether an extra meeting is due is PUBLIC.

-- One row each time an extra meeting became due. It stays due (outstanding) until an extra meeting of the body that
-- is not cancelled is scheduled after due_at; the requests that called it are attached to it, so that the next
-- round starts fresh.
CREATE TABLE extra_meeting_call (
    id              uuid PRIMARY KEY,
    body_id         uuid NOT NULL REFERENCES body,
    due_at          timestamptz NOT NULL DEFAULT now(),
    reason          text NOT NULL,                          -- e.g. "the chair asked", "9 of 25 members asked ..."
    rule            text NOT NULL,                          -- the rulebook's rule id, e.g. LSVO-07
    requests        integer NOT NULL CHECK (requests >= 1),
    current_members integer NOT NULL CHECK (current_members >= 0)
);
CREATE INDEX extra_meeting_call_body ON extra_meeting_call (body_id, due_at DESC);

-- A request (begäran) for an extra meeting. Open while call_id is null; one open request per person and body
-- (asking again updates it). A request made while an extra meeting is already due joins that call.
CREATE TABLE extra_meeting_request (
    id           uuid PRIMARY KEY,
    body_id      uuid NOT NULL REFERENCES body,
    person_id    uuid NOT NULL REFERENCES person,           -- the token subject is the person id
    party_code   text,                                      -- the token's organisation (NB-04: the party asking)
    as_chair     boolean NOT NULL,                          -- asked as the body's chair (LSVO-07, PSVO-05)
    reason       text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    requested_at timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    call_id      uuid REFERENCES extra_meeting_call
);
CREATE UNIQUE INDEX extra_meeting_request_open ON extra_meeting_request (body_id, person_id) WHERE call_id IS NULL;
CREATE UNIQUE INDEX extra_meeting_request_call ON extra_meeting_request (call_id, person_id) WHERE call_id IS NOT NULL;

-- The outbox: events written in the transaction of the change that caused them, delivered later in id order.
CREATE TABLE event (
    id         bigserial PRIMARY KEY,
    type       text NOT NULL,                               -- e.g. ExtraMeetingDue
    body_id    uuid REFERENCES body,
    payload    jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_body_type ON event (body_id, type);

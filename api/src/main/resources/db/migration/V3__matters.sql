-- Matters (ärenden), their documents (underlag) and the notices (kallelser) that freeze an agenda.
-- Matters and documents are MEMBERS data: visible to those seated in the body. A sent notice and its agenda are PUBLIC.

CREATE TABLE matter (
    id                  uuid PRIMARY KEY,
    body_id             uuid NOT NULL REFERENCES body,
    title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description         text NOT NULL CHECK (length(description) BETWEEN 1 AND 10000),
    type                text NOT NULL CHECK (type IN ('DECISION', 'INFORMATION', 'DISCUSSION')),
    decision_category   text CHECK (decision_category IN ('FORUM_WIDE', 'SUBJECT_AREA', 'FINANCIAL')),
    subject_areas       text[] NOT NULL DEFAULT '{}',
    state               text NOT NULL CHECK (state IN ('SUBMITTED', 'COMPLEMENT_REQUESTED', 'TRIAGED', 'DEFERRED',
                        'REJECTED', 'ON_AGENDA', 'POSTPONED', 'DECIDED', 'HANDLED', 'FORWARDED')),
    submitted_by        text NOT NULL,                       -- token subject (LSVO-10: any member)
    submitted_at        timestamptz NOT NULL DEFAULT now(),
    documents_complete_on date,                              -- the day the last document came in (LSVO-11)
    meeting_id          uuid REFERENCES meeting,             -- the meeting it is placed on (LSVO-23)
    agenda_position     integer,                             -- the chair's order (LSVO-09)
    prepared            boolean,                             -- judged by the preparation group (LSVO-23)
    anchored            boolean,
    admitted_late_by    text,                                -- LSVO-12: who admitted it without full preparation
    complement_request  text,                                -- LSVO-11: what the chair or secretary asked for
    state_note          text,                                -- why it was deferred or rejected
    forwarded_from      uuid REFERENCES matter,              -- LSVO-28: the matter this one was forwarded from
    version             integer NOT NULL DEFAULT 0,
    CHECK ((type = 'DECISION') = (decision_category IS NOT NULL))
);
CREATE INDEX matter_body ON matter (body_id, state);
CREATE INDEX matter_meeting ON matter (meeting_id, agenda_position);
CREATE UNIQUE INDEX matter_forwarded_once ON matter (forwarded_from, body_id);  -- LSVO-28: one copy per target

CREATE TABLE document (
    id          uuid PRIMARY KEY,
    matter_id   uuid NOT NULL REFERENCES matter,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    media_type  text NOT NULL,
    content     bytea NOT NULL,
    sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size        integer NOT NULL,
    uploaded_by text NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_matter ON document (matter_id, uploaded_at);

-- The notice as sent: frozen, public. The agenda is kept as it was sent, whatever happens to the matters later.
CREATE TABLE notice (
    meeting_id uuid PRIMARY KEY REFERENCES meeting,
    sent_at    timestamptz NOT NULL DEFAULT now(),
    sent_on    date NOT NULL,                               -- in Europe/Stockholm
    sent_by    text NOT NULL,
    due_on     date,                                        -- the rulebook's deadline (LSVO-08, PSVO-06)
    rule       text,
    agenda     jsonb NOT NULL
);

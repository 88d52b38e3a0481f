-- Recommendations (rekommendationer, LSVO-27, PSVO-09) and the parties' answers. An answer is PARTY data while it is a
-- draft: PostgreSQL itself keeps it from every other party (row-level security keyed on the transaction's
-- samverkan.party setting; no setting, no rows). A sent answer is visible to the issuing body's members.

CREATE TABLE recommendation (
    id          uuid PRIMARY KEY,
    decision_id uuid NOT NULL REFERENCES decision,
    body_id     uuid NOT NULL REFERENCES body,
    text        text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    rule        text,
    issued_by   text NOT NULL,
    issued_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recommendation_decision ON recommendation (decision_id);

CREATE TABLE recommendation_recipient (
    recommendation_id uuid NOT NULL REFERENCES recommendation,
    committee_id      uuid NOT NULL REFERENCES committee,
    party_code        text NOT NULL,
    PRIMARY KEY (recommendation_id, committee_id)
);
CREATE INDEX recommendation_recipient_party ON recommendation_recipient (party_code);

CREATE TABLE recommendation_answer (
    id                uuid PRIMARY KEY,
    recommendation_id uuid NOT NULL REFERENCES recommendation,
    committee_id      uuid NOT NULL REFERENCES committee,
    party_code        text NOT NULL,                    -- the tenant: every PARTY table carries it (Citus-ready)
    answer            text NOT NULL CHECK (answer IN ('ADOPTED', 'ADOPTED_WITH_CHANGES', 'DECLINED')),
    text              text CHECK (length(text) <= 10000),
    answered_on       date NOT NULL,
    state             text NOT NULL CHECK (state IN ('DRAFT', 'SENT')),
    written_by        text NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    sent_at           timestamptz,
    version           integer NOT NULL DEFAULT 0,
    UNIQUE (recommendation_id, committee_id),
    CHECK ((state = 'SENT') = (sent_at IS NOT NULL))
);

ALTER TABLE recommendation_answer ENABLE ROW LEVEL SECURITY;
ALTER TABLE recommendation_answer FORCE ROW LEVEL SECURITY;

-- Reading: the party's own answers in any state; other parties' only once sent.
CREATE POLICY answer_read ON recommendation_answer FOR SELECT
    USING (party_code = current_setting('samverkan.party', true) OR state = 'SENT');
-- Writing: only the party's own answers, and only while a draft (a sent answer is final).
CREATE POLICY answer_insert ON recommendation_answer FOR INSERT
    WITH CHECK (party_code = current_setting('samverkan.party', true));
CREATE POLICY answer_update ON recommendation_answer FOR UPDATE
    USING (party_code = current_setting('samverkan.party', true) AND state = 'DRAFT')
    WITH CHECK (party_code = current_setting('samverkan.party', true));

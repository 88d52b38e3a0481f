-- Distribution (expediering, LSVO-14, PSVO-11): what reaches a committee arrives in its inbox. Inbox items and their
-- handling are PARTY data: any transaction may deliver into a party's inbox, only that party's transactions read it.

CREATE TABLE inbox_item (
    id            uuid PRIMARY KEY,
    committee_id  uuid NOT NULL REFERENCES committee,
    party_code    text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('MINUTES', 'RECOMMENDATION', 'FORWARDED_MATTER')),
    minutes_id    uuid REFERENCES minutes,
    from_body     uuid NOT NULL REFERENCES body,
    title         text NOT NULL,
    rule          text,
    arrived_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (committee_id, minutes_id)
);
CREATE INDEX inbox_item_committee ON inbox_item (committee_id, arrived_at DESC);

CREATE TABLE inbox_handling (
    item_id     uuid PRIMARY KEY REFERENCES inbox_item,
    party_code  text NOT NULL,
    note        text CHECK (length(note) <= 4000),
    handled_by  text NOT NULL,
    handled_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE inbox_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE inbox_item FORCE ROW LEVEL SECURITY;
CREATE POLICY inbox_item_read ON inbox_item FOR SELECT USING (party_code = current_setting('samverkan.party', true));
CREATE POLICY inbox_item_deliver ON inbox_item FOR INSERT WITH CHECK (true);

ALTER TABLE inbox_handling ENABLE ROW LEVEL SECURITY;
ALTER TABLE inbox_handling FORCE ROW LEVEL SECURITY;
CREATE POLICY inbox_handling_own ON inbox_handling
    USING (party_code = current_setting('samverkan.party', true))
    WITH CHECK (party_code = current_setting('samverkan.party', true));

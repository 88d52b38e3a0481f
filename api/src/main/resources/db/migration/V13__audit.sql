-- The audit trail (revisionsspår): every row a mutation writes leaves one audit_entry in the same transaction — who
-- (token subject and party), when, what (the GraphQL mutation, the table and the row's key) and the SHA-256 of the row
-- before and after. Row-level triggers write the entries, so no resolver can forget one; the table is append-only.
--
-- Who and what come from transaction-local settings the service sets at the start of every transaction of a mutation
-- (set_config(…, true), like samverkan.party): samverkan.subject, samverkan.caller_party, samverkan.operation. Without
-- them (the start-up import, background work) an entry is still written, with subject and operation null: the system.
--
-- The hash is computed so that an auditor can recompute it from the row as it stands:
--   SET TIME ZONE 'UTC';
--   SELECT encode(sha256(convert_to(to_jsonb(m)::text, 'UTF8')), 'hex') FROM meeting m WHERE id = '…';
-- equals the after_hash of the row's last entry — and each UPDATE's before_hash equals the previous entry's after_hash,
-- so a change that bypassed the trail shows as a break in that chain.

CREATE TABLE audit_entry (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    transaction_id bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint,   -- one mutation, one transaction
    subject        text,                           -- the token subject; null: the system (start-up import, workers)
    party_code     text,                           -- the caller's organisation claim
    operation      text,                           -- the GraphQL mutation field, e.g. sendNotice; null: the system
    object_type    text NOT NULL,                  -- the table written, e.g. notice
    object_key     jsonb NOT NULL,                 -- the row's primary key, e.g. {"meeting_id": "…"}
    change         text NOT NULL CHECK (change IN ('INSERT', 'UPDATE', 'DELETE')),
    before_hash    text CHECK (before_hash ~ '^[0-9a-f]{64}$'),
    after_hash     text CHECK (after_hash ~ '^[0-9a-f]{64}$'),
    -- what the row belongs to, for auditLog(object): the GraphQL node (a notice and attendance belong to their meeting,
    -- a declaration to its matter) and the body whose secretary may read the entry
    node_type      text NOT NULL,
    node_id        uuid NOT NULL,
    body_id        uuid,
    -- PARTY data (inbox handling, answers): the party whose data it is; only that party's transactions see the entry
    tenant         text,
    CHECK ((change = 'INSERT') = (before_hash IS NULL) AND (change = 'DELETE') = (after_hash IS NULL))
);
CREATE INDEX audit_entry_node ON audit_entry (node_type, node_id, id);

-- An entry about one party's PARTY data is that party's, exactly like the row it describes: a transaction without the
-- party's samverkan.party setting does not see it.
ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_entry_read ON audit_entry FOR SELECT
    USING (tenant IS NULL OR tenant = current_setting('samverkan.party', true));
CREATE POLICY audit_entry_write ON audit_entry FOR INSERT WITH CHECK (true);   -- only audit_row() holds the privilege

-- Append-only: the service's role may read entries, nothing else (audit_row() writes them with its owner's rights);
-- and even the owner's UPDATE, DELETE and TRUNCATE are refused.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_entry FROM "${appRole}";
REVOKE ALL ON SEQUENCE audit_entry_id_seq FROM "${appRole}";

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on audit_entry refused', TG_OP;
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();

-- One entry per row written. Arguments: the node type the row belongs to, the column holding that node's id, the key
-- columns (comma-separated), where the body comes from ('self:<column>' or '<table>:<column>' naming the row that
-- holds body_id) and the tenant column of PARTY tables ('' for none).
-- SECURITY DEFINER: it writes audit_entry, which the service's role may not; timezone UTC makes the row's JSON text,
-- and so its hash, the same whatever the session's time zone.
CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public SET timezone = 'UTC' AS $$
DECLARE
    before_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    after_row  jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    written    jsonb := coalesce(after_row, before_row);
    source     text  := split_part(TG_ARGV[3], ':', 1);
    holder     uuid  := nullif(written ->> split_part(TG_ARGV[3], ':', 2), '')::uuid;
    body       uuid;
BEGIN
    IF source = 'self' THEN
        body := holder;
    ELSIF source = 'meeting' THEN
        body := (SELECT body_id FROM meeting WHERE id = holder);
    ELSIF source = 'matter' THEN
        body := (SELECT body_id FROM matter WHERE id = holder);
    ELSIF source = 'minutes' THEN
        body := (SELECT body_id FROM minutes WHERE id = holder);
    ELSIF source = 'recommendation' THEN
        body := (SELECT body_id FROM recommendation WHERE id = holder);
    ELSIF source = 'inbox_item' THEN
        body := (SELECT from_body FROM inbox_item WHERE id = holder);
    END IF;
    INSERT INTO audit_entry (subject, party_code, operation, object_type, object_key, change, before_hash, after_hash,
                             node_type, node_id, body_id, tenant)
    VALUES (nullif(current_setting('samverkan.subject', true), ''),
            nullif(current_setting('samverkan.caller_party', true), ''),
            nullif(current_setting('samverkan.operation', true), ''),
            TG_TABLE_NAME,
            (SELECT jsonb_object_agg(k, written -> k) FROM unnest(string_to_array(TG_ARGV[2], ',')) AS k),
            TG_OP,
            encode(sha256(convert_to(before_row::text, 'UTF8')), 'hex'),
            encode(sha256(convert_to(after_row::text, 'UTF8')), 'hex'),
            TG_ARGV[0],
            (written ->> TG_ARGV[1])::uuid,
            body,
            CASE WHEN TG_ARGV[4] <> '' THEN written ->> TG_ARGV[4] END);
    RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION audit_row() FROM PUBLIC;   -- it runs as a trigger only; nobody attaches it elsewhere

-- Every table a mutation writes. Not here: the outbox (event, append-only itself), the webhook worker's delivery log and
-- cursor, and the structure tables, which only the start-up import writes. An UPDATE that changes nothing is no change
-- and leaves no entry.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES
            -- table                     node type               node id column       key columns                   body from                         tenant
            ('meeting',                  'Meeting',              'id',                'id',                         'self:body_id',                   ''),
            ('notice',                   'Meeting',              'meeting_id',        'meeting_id',                 'meeting:meeting_id',             ''),
            ('attendance',               'Meeting',              'meeting_id',        'meeting_id,seat_id',         'meeting:meeting_id',             ''),
            ('matter',                   'Matter',               'id',                'id',                         'self:body_id',                   ''),
            ('document',                 'Matter',               'matter_id',         'id',                         'matter:matter_id',               ''),
            ('declaration',              'Matter',               'matter_id',         'matter_id,seat_id',          'matter:matter_id',               ''),
            ('decision',                 'Matter',               'matter_id',         'id',                         'matter:matter_id',               ''),
            ('recommendation',           'Recommendation',       'id',                'id',                         'self:body_id',                   ''),
            ('recommendation_recipient', 'Recommendation',       'recommendation_id', 'recommendation_id,committee_id', 'recommendation:recommendation_id', ''),
            ('recommendation_answer',    'RecommendationAnswer', 'id',                'id',                         'recommendation:recommendation_id', 'party_code'),
            ('minutes',                  'Minutes',              'id',                'id',                         'self:body_id',                   ''),
            ('minutes_signature',        'Minutes',              'minutes_id',        'minutes_id,person_id',       'minutes:minutes_id',             ''),
            ('minutes_item',             'Minutes',              'minutes_id',        'minutes_id,title,kind',      'minutes:minutes_id',             ''),
            ('inbox_item',               'InboxItem',            'id',                'id',                         'self:from_body',                 'party_code'),
            ('inbox_handling',           'InboxItem',            'item_id',           'item_id',                    'inbox_item:item_id',             'party_code'),
            ('extra_meeting_request',    'Body',                 'body_id',           'id',                         'self:body_id',                   ''),
            ('extra_meeting_call',       'Body',                 'body_id',           'id',                         'self:body_id',                   ''),
            ('webhook',                  'Webhook',              'id',                'id',                         '',                               '')
        ) AS audited (name, node_type, node_column, key_columns, body_from, tenant)
    LOOP
        EXECUTE format('CREATE TRIGGER audit_write AFTER INSERT OR DELETE ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION audit_row(%L, %L, %L, %L, %L)',
                       t.name, t.node_type, t.node_column, t.key_columns, t.body_from, t.tenant);
        EXECUTE format('CREATE TRIGGER audit_change AFTER UPDATE ON %I FOR EACH ROW '
                       'WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION audit_row(%L, %L, %L, %L, %L)',
                       t.name, t.node_type, t.node_column, t.key_columns, t.body_from, t.tenant);
    END LOOP;
END $$;

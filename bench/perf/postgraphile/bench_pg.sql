-- The portal query's data as PostGraphile sees it: a view layer in a schema of its own (bench_pg), over the service's
-- tables, exposing the fields the service's portal query reads. Benchmark only: not part of the service's migrations.
--
-- Fair to the service:
--   * every view is security_invoker, so PostgreSQL's row-level security applies to the caller's role
--     (samverkan_app, set by PostGraphile per transaction) and its samverkan.party setting, as for the service;
--   * the visibility rules the service applies in Java are written into the views: the inbox shows signed minutes
--     only; a matter is shown only to a caller seated in its body today (MEMBERS data, MatterController.visible);
--     a recommendation only to the parties it was sent to and to the issuing body's members
--     (RecommendationService.visible). The caller's person id comes in as bench.person, from the token's sub.
-- Run as the owner (postgres) on the benchmark's database; idempotent.
\set ON_ERROR_STOP on
BEGIN;
DROP SCHEMA IF EXISTS bench_pg CASCADE;
CREATE SCHEMA bench_pg;
GRANT USAGE ON SCHEMA bench_pg TO samverkan_app;

-- a caller's seats today: where the caller may see MEMBERS data (empty for a caller without seats, e.g. a reader);
-- written into the views' WHERE as EXISTS (not a function call) so that the planner can fold it into the query
CREATE VIEW bench_pg.my_seat WITH (security_invoker = true) AS
    SELECT s.body_id FROM public.appointment a JOIN public.seat s ON s.id = a.seat_id
    WHERE a.person_id = nullif(current_setting('bench.person', true), '')::uuid
      AND (a.valid_from IS NULL OR a.valid_from <= current_date) AND (a.valid_to IS NULL OR a.valid_to >= current_date)
      AND (s.valid_from IS NULL OR s.valid_from <= current_date) AND (s.valid_to IS NULL OR s.valid_to >= current_date);
COMMENT ON VIEW bench_pg.my_seat IS E'@omit';

CREATE VIEW bench_pg.body WITH (security_invoker = true) AS
    SELECT id, county_code, short_name, name FROM public.body;
COMMENT ON VIEW bench_pg.body IS E'@primaryKey id';

CREATE VIEW bench_pg.meeting WITH (security_invoker = true) AS
    SELECT id, body_id, (starts_at AT TIME ZONE 'Europe/Stockholm')::date AS date, starts_at, location, state
    FROM public.meeting;
COMMENT ON VIEW bench_pg.meeting IS E'@primaryKey id\n@foreignKey (body_id) references bench_pg.body (id)|@fieldName body|@foreignFieldName meetings';

CREATE VIEW bench_pg.matter WITH (security_invoker = true) AS
    SELECT id, body_id, meeting_id, agenda_position, title, type, state
    FROM public.matter m WHERE EXISTS (SELECT 1 FROM bench_pg.my_seat x WHERE x.body_id = m.body_id);
COMMENT ON VIEW bench_pg.matter IS E'@primaryKey id\n@simpleCollections only\n@foreignKey (meeting_id) references bench_pg.meeting (id)|@fieldName meeting|@foreignFieldName matters';

CREATE VIEW bench_pg.minutes WITH (security_invoker = true) AS
    SELECT id, meeting_id, body_id, version, signed_at, content_hash FROM public.minutes WHERE state = 'SIGNED';
COMMENT ON VIEW bench_pg.minutes IS E'@primaryKey id\n@foreignKey (meeting_id) references bench_pg.meeting (id)|@fieldName meeting|@foreignFieldName minutes';

CREATE VIEW bench_pg.minutes_item WITH (security_invoker = true) AS
    SELECT minutes_id, coalesce(actual_position, 1000000 + planned_position) AS sort_key, actual_position, title, kind,
           outcome
    FROM public.minutes_item;
COMMENT ON VIEW bench_pg.minutes_item IS E'@primaryKey minutes_id,sort_key\n@simpleCollections only\n@foreignKey (minutes_id) references bench_pg.minutes (id)|@fieldName minutes|@foreignFieldName items';

CREATE VIEW bench_pg.recommendation WITH (security_invoker = true) AS
    SELECT r.id, r.body_id, r.text, r.issued_at FROM public.recommendation r
    WHERE EXISTS (SELECT 1 FROM public.recommendation_recipient x
                  WHERE x.recommendation_id = r.id AND x.party_code = current_setting('samverkan.party', true))
       OR EXISTS (SELECT 1 FROM bench_pg.my_seat s WHERE s.body_id = r.body_id);
COMMENT ON VIEW bench_pg.recommendation IS E'@primaryKey id\n@foreignKey (body_id) references bench_pg.body (id)|@fieldName body|@foreignFieldName recommendations';

CREATE VIEW bench_pg.inbox_item WITH (security_invoker = true) AS
    SELECT i.id, i.committee_id, i.kind, i.from_body AS from_body_id, i.title, i.rule, i.arrived_at, h.note, h.handled_at AS acknowledged_at,
           CASE WHEN h.item_id IS NULL THEN 'NEW' ELSE 'ACKNOWLEDGED' END AS state, i.minutes_id, i.recommendation_id
    FROM public.inbox_item i LEFT JOIN public.inbox_handling h ON h.item_id = i.id;
COMMENT ON VIEW bench_pg.inbox_item IS E'@primaryKey id\n'
    '@foreignKey (from_body_id) references bench_pg.body (id)|@fieldName fromBody|@foreignFieldName inboxItems\n'
    '@foreignKey (minutes_id) references bench_pg.minutes (id)|@fieldName minutes|@foreignFieldName inboxItems\n'
    '@foreignKey (recommendation_id) references bench_pg.recommendation (id)|@fieldName recommendation|@foreignFieldName inboxItems';

-- the root field: a committee's inbox; PostGraphile pages it (first, totalCount) and orders it (the query asks for the
-- service's order, orderBy: [ARRIVED_AT_DESC, ID_ASC]). No ORDER BY in here: the function is inlined, so the page is
-- read from the index on (committee, arrival) and the count does not sort the whole inbox.
CREATE FUNCTION bench_pg.inbox(committee uuid) RETURNS SETOF bench_pg.inbox_item LANGUAGE sql STABLE AS $$
    SELECT * FROM bench_pg.inbox_item WHERE committee_id = committee
$$;
COMMENT ON FUNCTION bench_pg.inbox(uuid) IS E'@sortable';

GRANT SELECT ON ALL TABLES IN SCHEMA bench_pg TO samverkan_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA bench_pg TO samverkan_app;
COMMIT;

-- Synthetic inbox items for the portal benchmark, written straight into the benchmark's database as its owner.
-- The demo year has no distributed minutes, so no inbox has anything in it; this gives one party's committees inboxes
-- of the sizes asked for (psql -v party=karlskrona -v sizes='{100,20,5,1}': the party's committees ordered by code get
-- 100, 20, 5 and 1 items), every item pointing at real rows the portal query walks: signed minutes of a held meeting
-- with its matters as minutes items (paragrafer), and every fourth item a recommendation issued from a real decision.
-- Minutes go on held meetings that have matters, except the last three held LSVO meetings: bench/fanout drafts,
-- signs and publishes real minutes for those. Versions start at 101, clear of the service's own drafts (1, 2, …).
-- Triggers are off for this session (session_replication_role = replica): no audit rows for synthetic data, and the
-- IMP-02 freeze trigger would refuse items of minutes inserted as signed. Idempotent: deterministic ids, ON CONFLICT.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL session_replication_role = replica;

CREATE TEMP TABLE bench_meetings AS
SELECT m.id, m.body_id, row_number() OVER (ORDER BY m.starts_at, m.id) AS n
FROM meeting m JOIN body b ON b.id = m.body_id
WHERE m.state = 'HELD' AND EXISTS (SELECT 1 FROM matter x WHERE x.meeting_id = m.id)
  AND m.id NOT IN (SELECT l.id FROM meeting l JOIN body lb ON lb.id = l.body_id
                   WHERE lb.short_name = 'LSVO' AND l.state = 'HELD' ORDER BY l.starts_at DESC LIMIT 3);

-- as many minutes as the largest inbox needs, spread over those meetings (version 101, 102, … per meeting)
CREATE TEMP TABLE bench_minutes AS
SELECT md5('bench-minutes-' || g)::uuid AS id, g, bm.id AS meeting_id, bm.body_id,
       100 + (g - 1) / (SELECT count(*) FROM bench_meetings) + 1 AS version
FROM generate_series(1, (SELECT max(s) FROM unnest(CAST(:'sizes' AS int[])) s)) g
JOIN bench_meetings bm ON bm.n = (g - 1) % (SELECT count(*) FROM bench_meetings) + 1;

INSERT INTO minutes (id, meeting_id, body_id, version, content, signatories, state, content_hash, previous_hash,
                     signed_at, drafted_by, updated_at)
SELECT x.id, x.meeting_id, x.body_id, x.version,
       'Protokoll (syntetiskt, bench) ' || x.g || E'\n' || repeat('§ Beslut enligt förslaget. Justeras. ', 50),
       '[]'::jsonb, 'SIGNED', encode(sha256(convert_to('bench-minutes-' || x.g, 'UTF8')), 'hex'), NULL,
       timestamptz '2026-11-01 10:00+01' - make_interval(hours => x.g::int), 'bench', now()
FROM bench_minutes x
ON CONFLICT (id) DO NOTHING;

INSERT INTO minutes_item (minutes_id, actual_position, planned_position, kind, matter_id, title, outcome)
SELECT x.id, row_number() OVER w, row_number() OVER w, 'MATTER', m.id, m.title, m.state
FROM bench_minutes x JOIN matter m ON m.meeting_id = x.meeting_id
WINDOW w AS (PARTITION BY x.id ORDER BY m.agenda_position NULLS LAST, m.id)
ON CONFLICT DO NOTHING;

-- recommendations for every fourth item, each from one of the real decisions
INSERT INTO recommendation (id, decision_id, body_id, text, rule, issued_by, issued_at)
SELECT md5('bench-recommendation-' || g)::uuid, d.id, mt.body_id,
       'Rekommendation (syntetisk, bench) ' || g || ': nämnderna rekommenderas att ställa sig bakom beslutet.',
       'LSVO-27', 'bench', timestamptz '2026-11-01 10:00+01' - make_interval(hours => g)
FROM generate_series(4, (SELECT max(s) FROM unnest(CAST(:'sizes' AS int[])) s), 4) g
JOIN LATERAL (SELECT id, meeting_id FROM decision ORDER BY id OFFSET (g / 4) % (SELECT count(*) FROM decision) LIMIT 1) d ON true
JOIN meeting mt ON mt.id = d.meeting_id
ON CONFLICT (id) DO NOTHING;

CREATE TEMP TABLE bench_committees AS
SELECT c.id, p.code AS party_code, s.size, s.ord
FROM (SELECT c.id, c.party_id, row_number() OVER (ORDER BY c.code) AS ord
      FROM committee c JOIN party p ON p.id = c.party_id WHERE p.code = :'party') c
JOIN party p ON p.id = c.party_id
JOIN unnest(CAST(:'sizes' AS int[])) WITH ORDINALITY AS s(size, ord) ON s.ord = c.ord;

INSERT INTO inbox_item (id, committee_id, party_code, kind, minutes_id, recommendation_id, from_body, title, rule, arrived_at)
SELECT md5('bench-inbox-' || c.id || '-' || gs.g)::uuid, c.id, c.party_code,
       CASE WHEN gs.g % 4 = 0 THEN 'RECOMMENDATION' ELSE 'MINUTES' END,
       CASE WHEN gs.g % 4 = 0 THEN NULL ELSE x.id END,
       CASE WHEN gs.g % 4 = 0 THEN md5('bench-recommendation-' || gs.g)::uuid END,
       CASE WHEN gs.g % 4 = 0 THEN r.body_id ELSE x.body_id END,
       CASE WHEN gs.g % 4 = 0 THEN 'Rekommendation ' || b.short_name || ' (bench ' || gs.g || ')'
            ELSE 'Protokoll ' || b.short_name || ' (bench ' || gs.g || ')' END,
       CASE WHEN gs.g % 4 = 0 THEN 'LSVO-27' ELSE 'LSVO-14' END,
       timestamptz '2026-11-02 08:00+01' - make_interval(hours => gs.g)
FROM bench_committees c
CROSS JOIN LATERAL generate_series(1, c.size) AS gs(g)
JOIN bench_minutes x ON x.g = gs.g
LEFT JOIN recommendation r ON r.id = md5('bench-recommendation-' || gs.g)::uuid
JOIN body b ON b.id = CASE WHEN gs.g % 4 = 0 THEN r.body_id ELSE x.body_id END
ON CONFLICT (id) DO NOTHING;

-- a recommendation is visible to the parties it was sent to: its recipients are the committees it reached
INSERT INTO recommendation_recipient (recommendation_id, committee_id, party_code)
SELECT i.recommendation_id, i.committee_id, i.party_code
FROM inbox_item i JOIN bench_committees c ON c.id = i.committee_id
WHERE i.kind = 'RECOMMENDATION'
ON CONFLICT DO NOTHING;

-- a handled (acknowledged) item now and then, so the LEFT JOIN on the handling finds something
INSERT INTO inbox_handling (item_id, party_code, note, handled_by, handled_at)
SELECT i.id, i.party_code, 'Anmält i nämnden (bench).', 'bench', i.arrived_at + interval '3 days'
FROM inbox_item i JOIN bench_committees c ON c.id = i.committee_id
WHERE i.title LIKE '%(bench %' AND substring(i.title from '\(bench (\d+)\)')::int % 3 = 0
ON CONFLICT (item_id) DO NOTHING;

COMMIT;

-- what was made: one line per committee, its size and global id (base64url of "Committee:<uuid>", no padding)
SELECT c.size, p.code || '/' || co.code AS committee,
       rtrim(translate(encode(convert_to('Committee:' || c.id, 'UTF8'), 'base64'), E'+/\n', '-_'), '=') AS global_id,
       (SELECT count(*) FROM inbox_item i WHERE i.committee_id = c.id) AS items
FROM bench_committees c JOIN committee co ON co.id = c.id JOIN party p ON p.id = co.party_id
ORDER BY c.ord;

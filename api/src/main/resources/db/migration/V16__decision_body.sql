-- A decision carries the body of its matter, so that the dashboard's decision aggregates read one county's decisions of
-- a year by index instead of every decision of the year in the country joined to its matter: on the national data set
-- (250 000 decisions) that join cost about 200 ms per county and Halland's dashboard 0.64-0.73 s (bench/README.md).
-- The body is the matter's and nothing else: a trigger sets it on every insert and on a change of matter, whatever
-- the writer gave, and another follows a matter that moves to another body. (The national generator loads with
-- triggers off, session_replication_role = replica, and writes it itself.)
ALTER TABLE decision ADD COLUMN body_id uuid REFERENCES body;
UPDATE decision d SET body_id = m.body_id FROM matter m WHERE m.id = d.matter_id;
ALTER TABLE decision ALTER COLUMN body_id SET NOT NULL;

-- SECURITY DEFINER: the matter may be hidden from the writer's role by row-level security; its body is still the body.
CREATE FUNCTION decision_body() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
BEGIN
    NEW.body_id := (SELECT body_id FROM matter WHERE id = NEW.matter_id);
    RETURN NEW;
END $$;
CREATE TRIGGER decision_body BEFORE INSERT OR UPDATE OF matter_id, body_id ON decision
    FOR EACH ROW EXECUTE FUNCTION decision_body();

-- A matter that moves to another body (the demo year's import may re-file one) takes its decision along.
CREATE FUNCTION matter_body_to_decision() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
BEGIN
    UPDATE decision SET body_id = NEW.body_id WHERE matter_id = NEW.id AND body_id IS DISTINCT FROM NEW.body_id;
    RETURN NULL;
END $$;
CREATE TRIGGER matter_body_to_decision AFTER UPDATE OF body_id ON matter
    FOR EACH ROW WHEN (OLD.body_id IS DISTINCT FROM NEW.body_id) EXECUTE FUNCTION matter_body_to_decision();

CREATE INDEX decision_body_decided ON decision (body_id, decided_at) INCLUDE (matter_id, outcome);
DROP INDEX IF EXISTS decision_decided;

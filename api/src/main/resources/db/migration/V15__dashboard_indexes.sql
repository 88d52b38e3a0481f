-- The dashboard's aggregates read one year of a county's bodies. Measured on the national data set (~950 000
-- matters, 250 000 decisions): Halland's dashboard took 1.2-1.3 s with a sequential scan of every matter and decision,
-- 0.64-0.73 s with these (see bench/README.md).
CREATE INDEX IF NOT EXISTS matter_body_submitted ON matter (body_id, submitted_at);
CREATE INDEX IF NOT EXISTS decision_decided ON decision (decided_at) INCLUDE (matter_id, outcome);
CREATE INDEX IF NOT EXISTS recommendation_body_issued ON recommendation (body_id, issued_at);

-- Webhooks: an integration client's URL that public events from the outbox are POSTed to, signed, retried with
-- backoff, with a delivery log. Any number of service instances share the work without delivering twice:
--   fan-out  one cursor row (webhook_cursor), advanced under SELECT … FOR UPDATE in the transaction that inserts one
--            webhook_delivery row per matching (webhook, event), ON CONFLICT DO NOTHING on (webhook_id, event_id);
--   send     due deliveries are claimed with FOR UPDATE SKIP LOCKED and leased (next_attempt_at moved past the send's
--            timeout) in one statement, sent outside any transaction, and their outcome recorded for that attempt only.

CREATE TABLE webhook (
    id          uuid PRIMARY KEY,
    owner       text NOT NULL,                        -- the token subject that registered it; only it sees the webhook
    party_code  text NOT NULL,                        -- the registrant's organisation, for operators
    url         text NOT NULL CHECK (length(url) <= 2000),
    secret      text NOT NULL,                        -- the HMAC key; shown once at registration, never read by the API
    events      text[] NOT NULL CHECK (cardinality(events) > 0
                                       AND events <@ ARRAY['MinutesPublished', 'NoticeSent']::text[]),
    counties    text[] NOT NULL DEFAULT '{}',         -- empty: every county
    bodies      uuid[] NOT NULL DEFAULT '{}',         -- empty: every body
    after_event bigint NOT NULL,                      -- receives only events after this id: those after its registration
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_owner ON webhook (owner, created_at DESC);

-- How far the outbox has been fanned out to webhooks. One row; every instance locks it to fan out.
CREATE TABLE webhook_cursor (
    name     text PRIMARY KEY CHECK (name = 'webhooks'),
    position bigint NOT NULL
);
INSERT INTO webhook_cursor (name, position) SELECT 'webhooks', coalesce(max(id), 0) FROM event;

CREATE TABLE webhook_delivery (
    id              bigserial PRIMARY KEY,
    webhook_id      uuid NOT NULL REFERENCES webhook ON DELETE CASCADE,
    event_id        bigint NOT NULL REFERENCES event,
    event_type      text NOT NULL,
    state           text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- while PENDING: when the next attempt is due, or, while an attempt is in flight, when its lease runs out
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_status     int,
    last_error      text CHECK (length(last_error) <= 300),
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (webhook_id, event_id),
    CHECK ((state = 'PENDING') = (next_attempt_at IS NOT NULL))
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';

-- The collaboration structure: counties, parties and their committees, bodies with seats, rulebooks and relations,
-- people and their appointments, and the agreements. All of it is PUBLIC data (DESIGN.md §4), loaded from the
-- structure files at start-up. Natural keys are unique so that a re-import updates rows in place.

CREATE TABLE county (
    code   text PRIMARY KEY,
    number integer NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 99),
    name   text NOT NULL
);

CREATE TABLE subject_area (
    code text PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE party (
    id                  uuid PRIMARY KEY,
    code                text NOT NULL UNIQUE,
    county_code         text NOT NULL REFERENCES county,
    name                text NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('MUNICIPALITY', 'REGION', 'COUNTY_COUNCIL',
                                                      'MUNICIPAL_ASSOCIATION', 'COUNTY_ADMINISTRATIVE_BOARD')),
    organisation_number text CHECK (organisation_number ~ '^\d{6}-\d{4}$'),
    valid_from          date,
    valid_to            date,
    successor_id        uuid REFERENCES party DEFERRABLE INITIALLY DEFERRED,
    former_names        jsonb NOT NULL DEFAULT '[]',
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
    CHECK (successor_id IS NULL OR valid_to IS NOT NULL)            -- AGR-02: a party merges away at an end date
);
CREATE INDEX party_county ON party (county_code, name);

CREATE TABLE committee (
    id            uuid PRIMARY KEY,
    party_id      uuid NOT NULL REFERENCES party,
    code          text NOT NULL,
    name          text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('BOARD', 'COMMITTEE', 'PREPARATORY_COMMITTEE')),
    subject_areas text[] NOT NULL DEFAULT '{}',
    valid_from    date,
    valid_to      date,
    UNIQUE (party_id, code),
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);

CREATE TABLE body (
    id             uuid PRIMARY KEY,
    county_code    text NOT NULL REFERENCES county,
    short_name     text NOT NULL,
    name           text NOT NULL,
    kind           text NOT NULL,
    level          text NOT NULL CHECK (level IN ('POLITICAL', 'OFFICIALS')),
    binds_parties  boolean NOT NULL,
    description    text,
    owner_party_id uuid REFERENCES party,
    valid_from     date,
    valid_to       date,
    UNIQUE (county_code, short_name),
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX body_county_kind ON body (county_code, kind, name);

CREATE TABLE body_relation (
    from_body_id uuid NOT NULL REFERENCES body,
    kind         text NOT NULL CHECK (kind IN ('PREPARES_FOR', 'REPORTS_TO', 'LINKED_POLITICAL_COUNCIL',
                                               'COMMISSIONS', 'PART_OF')),
    to_body_id   uuid NOT NULL REFERENCES body,
    rule         text,
    valid_from   date,
    valid_to     date,
    from_file    boolean NOT NULL DEFAULT true,      -- kept in step with the structure files at every start
    PRIMARY KEY (from_body_id, kind, to_body_id),
    CHECK (from_body_id <> to_body_id)
);
CREATE INDEX body_relation_to ON body_relation (to_body_id);

-- One row per rulebook version. The header is in columns for queries (revision due, in force); the rule values are
-- the whole domain record as JSON, each value carrying its rule id.
CREATE TABLE rulebook (
    id                uuid PRIMARY KEY,
    body_id           uuid NOT NULL REFERENCES body,
    version           text NOT NULL,
    in_force_from     date NOT NULL,
    decided_on        date,
    decided_by        text,
    next_revision_due date,
    source            text,
    document          jsonb NOT NULL,
    UNIQUE (body_id, version),
    UNIQUE (body_id, in_force_from)
);

CREATE TABLE seat (
    id                    uuid PRIMARY KEY,
    body_id               uuid NOT NULL REFERENCES body,
    key                   text NOT NULL,
    party_id              uuid REFERENCES party,
    external_organisation text,
    function              text NOT NULL,
    title                 text NOT NULL,
    role                  text NOT NULL CHECK (role IN ('MEMBER', 'CHAIR', 'VICE_CHAIR', 'SECRETARY', 'CO_OPTED',
                                                        'EXPERT', 'SUBSTITUTE')),
    subject_areas         text[] NOT NULL DEFAULT '{}',
    decision_mandate      boolean NOT NULL,
    committee_id          uuid REFERENCES committee,
    valid_from            date,
    valid_to              date,
    UNIQUE (body_id, key),
    CHECK (party_id IS NOT NULL OR external_organisation IS NOT NULL),
    -- LSVO-22, PSVO-04: co-opted members, experts and secretaries take no part in decisions
    CHECK (NOT decision_mandate OR role IN ('MEMBER', 'CHAIR', 'VICE_CHAIR', 'SUBSTITUTE'))
);
CREATE INDEX seat_party ON seat (party_id);

CREATE TABLE person (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    username    text UNIQUE,
    party_code  text,
    login_roles text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE appointment (
    id         uuid PRIMARY KEY,
    person_id  uuid NOT NULL REFERENCES person,
    seat_id    uuid NOT NULL REFERENCES seat,
    valid_from date,
    valid_to   date,
    from_file  boolean NOT NULL DEFAULT true,        -- kept in step with the structure files at every start
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX appointment_seat ON appointment (seat_id);
CREATE INDEX appointment_person ON appointment (person_id);

CREATE TABLE agreement (
    id             uuid PRIMARY KEY,
    county_code    text NOT NULL REFERENCES county,
    name           text NOT NULL,
    case_number    text,
    in_force_from  date NOT NULL,
    validity_years integer CHECK (validity_years > 0),          -- NB-07
    amendment_rule text NOT NULL,                               -- AGR-03
    rules          text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE agreement_party (
    agreement_id uuid NOT NULL REFERENCES agreement,
    party_id     uuid NOT NULL REFERENCES party,
    position     integer NOT NULL,
    PRIMARY KEY (agreement_id, party_id)
);

-- The application role reads and writes rows but owns nothing, so row-level security applies to it.
GRANT USAGE ON SCHEMA public TO "${appRole}";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${appRole}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${appRole}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${appRole}";

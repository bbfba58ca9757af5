-- Which rule-set version checks and screenings use: a knowledge change may be staged (stored, not in use) until it is
-- back-tested and enabled; enabling an earlier version rolls back. No row = the latest version is in use.
CREATE TABLE rule_set_state (
    id             integer      PRIMARY KEY CHECK (id = 1),
    active_version integer      NOT NULL,
    changed_at     timestamptz  NOT NULL,
    changed_by     varchar(120) NOT NULL
);

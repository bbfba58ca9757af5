-- monitoring-service: knowledge base (知识库) with rule-set versions, 3101/3102 check results and 3103 feedback,
-- and the local replica of practitioners' payment qualification.

-- One row per version of a knowledge point; an edit adds the next version, nothing is updated in place.
-- body holds the point in the import format (KnowledgeImporter's JSON keys), so loading it goes through the same checks
-- as an import.
CREATE TABLE knowledge_point (
    id               uuid PRIMARY KEY,
    rule_class       varchar(30) NOT NULL,
    kp_id            varchar(64) NOT NULL,
    version          integer NOT NULL CHECK (version > 0),
    scope            varchar(6) NOT NULL,
    eff_from         date NOT NULL,
    eff_to           date,
    enabled          boolean NOT NULL,
    body             jsonb NOT NULL,
    rule_set_version integer NOT NULL,
    created_at       timestamptz NOT NULL,
    created_by       varchar(120) NOT NULL,
    source           varchar(200),
    CONSTRAINT knowledge_point_key UNIQUE (rule_class, kp_id, scope, version)
);
CREATE INDEX knowledge_point_scope ON knowledge_point (scope, rule_class, kp_id);

-- Every change of the knowledge base makes a new rule-set version; the compiled RuleSet carries its number.
CREATE TABLE rule_set_version (
    version     integer PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    created_by  varchar(120) NOT NULL,
    reason      varchar(200) NOT NULL,
    changed     integer NOT NULL
);

-- One row per violation answered to a 3101/3102 check (jr_id = the warn_rslt_id a 3103 refers to).
CREATE TABLE check_result (
    jr_id            varchar(50) PRIMARY KEY,
    infno            varchar(6) NOT NULL,
    task_id          varchar(100),
    trig_scen        varchar(30),
    fixmedins_code   varchar(30) NOT NULL,
    patn_id          varchar(50),
    mdtrt_id         varchar(50),
    rule_id          varchar(50) NOT NULL,
    kp_id            varchar(64) NOT NULL,
    kp_version       integer NOT NULL,
    sev_deg          smallint NOT NULL,
    vola_amt         numeric(16, 2) NOT NULL,
    rule_set_version integer NOT NULL,
    checked_at       timestamptz NOT NULL
);
CREATE INDEX check_result_institution ON check_result (fixmedins_code, checked_at);

-- The doctor's disposition of a warning (3103): the latest one per warning; earlier ones are in the audit log.
CREATE TABLE check_feedback (
    jr_id          varchar(50) PRIMARY KEY REFERENCES check_result (jr_id),
    warn_type      varchar(3) NOT NULL,
    dspo_way       varchar(3) NOT NULL,
    dspo_way_rea   varchar(500),
    recorded_at    timestamptz NOT NULL,
    recorded_by    varchar(120) NOT NULL
);

-- Periods in which a practitioner may not bill the fund (suspended, terminated), from qualification-service events.
CREATE TABLE qualification_bar (
    id                 uuid PRIMARY KEY,
    practitioner_code  varchar(30) NOT NULL,
    person_type        varchar(20) NOT NULL,
    status             varchar(12) NOT NULL,
    from_date          date NOT NULL,
    to_date            date,
    decision_id        uuid,
    region             varchar(6) NOT NULL,
    event_id           varchar(120) NOT NULL,
    recorded_at        timestamptz NOT NULL
);
CREATE INDEX qualification_bar_code ON qualification_bar (practitioner_code, from_date);

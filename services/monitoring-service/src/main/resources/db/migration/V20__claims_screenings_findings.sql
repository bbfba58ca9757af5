-- Batch screening (事后监管): claims loaded from the national dialects, screening jobs over a region and period, and
-- the findings they produce. A finding's key (rule class, knowledge point, visit, fee lines) is unique, so screening
-- the same data again adds no duplicate.
CREATE TABLE claim_visit (
    mdtrt_id       varchar(64)  PRIMARY KEY,
    psn_no         varchar(64)  NOT NULL,
    admdvs         varchar(6),
    fixmedins_code varchar(30),
    begntime       timestamp    NOT NULL,
    line_count     integer      NOT NULL,
    body           jsonb        NOT NULL,
    load_id        uuid         NOT NULL,
    loaded_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX claim_visit_region_time ON claim_visit (admdvs, begntime);
CREATE INDEX claim_visit_patient_order ON claim_visit (psn_no, begntime, mdtrt_id);

-- the civil-affairs / public-security death registry, compared with claims (spending after death)
CREATE TABLE death_record (
    psn_no     varchar(64) PRIMARY KEY,
    death_date date        NOT NULL,
    source     varchar(60) NOT NULL
);

CREATE TABLE screening_job (
    id                uuid         PRIMARY KEY,
    region            varchar(6)   NOT NULL,
    period_from       date         NOT NULL,
    period_to         date         NOT NULL,
    rule_set_version  varchar(60)  NOT NULL,
    status            varchar(20)  NOT NULL,
    claims_screened   bigint       NOT NULL DEFAULT 0,
    lines_screened    bigint       NOT NULL DEFAULT 0,
    hits              bigint       NOT NULL DEFAULT 0,
    findings_new      bigint       NOT NULL DEFAULT 0,
    started_by        varchar(120) NOT NULL,
    started_at        timestamptz  NOT NULL,
    finished_at       timestamptz,
    error             varchar(500)
);

CREATE TABLE finding (
    id                      uuid          PRIMARY KEY,
    finding_key             varchar(64)   NOT NULL UNIQUE,
    rule_code               varchar(30)   NOT NULL,
    knowledge_point_id      varchar(64)   NOT NULL,
    knowledge_point_version integer       NOT NULL,
    result_type             varchar(10)   NOT NULL,
    sev_deg                 integer       NOT NULL,
    mdtrt_id                varchar(64)   NOT NULL,
    psn_no                  varchar(64)   NOT NULL,
    admdvs                  varchar(6),
    fixmedins_code          varchar(30),
    feedetl_sns             varchar(4000) NOT NULL,
    amount                  numeric(16, 2) NOT NULL,
    reason                  varchar(2000) NOT NULL,
    related_mdtrt_ids       varchar(2000) NOT NULL,
    evidence                varchar(1000),
    rule_set_version        varchar(60)   NOT NULL,
    job_id                  uuid          NOT NULL REFERENCES screening_job (id),
    found_at                timestamptz   NOT NULL,
    status                  varchar(20)   NOT NULL DEFAULT 'NEW'
);
CREATE INDEX finding_region_status ON finding (admdvs, status);
CREATE INDEX finding_job ON finding (job_id);

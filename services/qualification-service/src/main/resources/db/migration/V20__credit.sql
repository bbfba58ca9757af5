-- Institutions' credit rating (信用评价): deductions per indicator of the versioned catalogue (credit/credit-catalogues.json),
-- from decisions (violation.decided.v1) or recorded by officers with evidence, and one evaluation per institution and year.

-- The institutions rated, with the region (admdvs) that keeps their rating and the flag for ending the agreement.
CREATE TABLE credit_institution (
    fixmedins_code       varchar(30)  PRIMARY KEY,
    fixmedins_name       varchar(200) NOT NULL,
    region               varchar(6)   NOT NULL,
    -- three consecutive poor years: flagged for ending the agreement (the year of the third poor grade)
    agreement_end_year   integer,
    agreement_end_at     timestamptz,
    created_at           timestamptz  NOT NULL
);
CREATE INDEX credit_institution_region ON credit_institution (region, fixmedins_code);

CREATE TABLE credit_deduction (
    id                   uuid         PRIMARY KEY,
    fixmedins_code       varchar(30)  NOT NULL REFERENCES credit_institution (fixmedins_code),
    year                 integer      NOT NULL,
    catalogue_id         varchar(60)  NOT NULL,
    indicator_code       varchar(20)  NOT NULL,
    points               integer      NOT NULL CHECK (points > 0),
    -- DECISION (from violation.decided.v1) or OFFICER (recorded with evidence)
    origin               varchar(10)  NOT NULL,
    decision_id          varchar(64),
    reason               varchar(500) NOT NULL,
    serious_dishonesty   boolean      NOT NULL,
    recorded_on          date         NOT NULL,
    -- the last day a repair restores the points; null when the indicator is not repairable
    repair_deadline      date,
    repaired_on          date,
    repair_note          varchar(500),
    repaired_by          varchar(120),
    recorded_by          varchar(120) NOT NULL,
    created_at           timestamptz  NOT NULL,
    -- one deduction per decision and indicator, whatever the redelivery
    UNIQUE (decision_id, indicator_code)
);
CREATE INDEX credit_deduction_institution ON credit_deduction (fixmedins_code, year);

CREATE TABLE credit_evidence (
    id                   uuid         PRIMARY KEY,
    deduction_id         uuid         NOT NULL REFERENCES credit_deduction (id),
    file_name            varchar(200) NOT NULL,
    media_type           varchar(100) NOT NULL,
    size_bytes           bigint       NOT NULL,
    sha256               varchar(64)  NOT NULL,
    content              bytea        NOT NULL,
    added_at             timestamptz  NOT NULL
);
CREATE INDEX credit_evidence_deduction ON credit_evidence (deduction_id);

CREATE TABLE credit_evaluation (
    id                   uuid         PRIMARY KEY,
    fixmedins_code       varchar(30)  NOT NULL REFERENCES credit_institution (fixmedins_code),
    year                 integer      NOT NULL,
    region               varchar(6)   NOT NULL,
    catalogue_id         varchar(60)  NOT NULL,
    score                integer      NOT NULL,
    -- the grade the score gives, and the grade given (E when serious dishonesty forces it)
    score_grade          varchar(1)   NOT NULL,
    grade                varchar(1)   NOT NULL,
    forced_reason        varchar(500),
    inspections_per_year integer      NOT NULL,
    -- the indicator-by-indicator explanation (JSON array of lines)
    explanation          text         NOT NULL,
    evaluated_at         timestamptz  NOT NULL,
    evaluated_by         varchar(120) NOT NULL,
    UNIQUE (fixmedins_code, year)
);
CREATE INDEX credit_evaluation_year ON credit_evaluation (year, region, fixmedins_code);

-- One file per person (一人一档), keyed by the national code (医保医师代码 D + 12 digits, 药学/技术人员代码 HY/HJ + 12
-- digits, or a local code), valid nationwide. Migrations of the features: practitioner V1–V9, points V10–V19,
-- credit V20–V29, look-up V30–V39.
CREATE TABLE practitioner (
    national_code   varchar(30) PRIMARY KEY,
    person_type     varchar(20) NOT NULL,
    psn_name        varchar(50) NOT NULL,
    -- the administrative code (admdvs) of the bureau that keeps the file: where the person first registered
    region          varchar(6)  NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer     NOT NULL DEFAULT 0
);
CREATE INDEX practitioner_region ON practitioner (region, national_code);

-- Where the person practises: several institutions are normal.
CREATE TABLE practitioner_institution (
    national_code     varchar(30)  NOT NULL REFERENCES practitioner (national_code),
    fixmedins_code    varchar(30)  NOT NULL,
    fixmedins_name    varchar(200),
    -- the institution's administrative code
    admdvs            varchar(6)   NOT NULL,
    begndate          date,
    enddate           date,
    PRIMARY KEY (national_code, fixmedins_code)
);
CREATE INDEX practitioner_institution_code ON practitioner_institution (fixmedins_code);

-- Every change of a file, as it was before and after (the audit log says who and why as well).
CREATE TABLE practitioner_change (
    id              uuid        PRIMARY KEY,
    national_code   varchar(30) NOT NULL REFERENCES practitioner (national_code),
    changed_at      timestamptz NOT NULL,
    changed_by      varchar(120) NOT NULL,
    kind            varchar(30) NOT NULL,
    before          jsonb,
    after           jsonb
);
CREATE INDEX practitioner_change_code ON practitioner_change (national_code, changed_at);

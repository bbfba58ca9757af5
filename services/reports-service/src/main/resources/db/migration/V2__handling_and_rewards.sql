-- Public intake, staff handling and rewards. Reporter identity is stored only encrypted (AES-GCM, see
-- PersonalDataCipher), with a blind index for equality checks; nothing here holds it in clear.
ALTER TABLE report
    ADD COLUMN receipt_code        varchar(19) UNIQUE,
    ADD COLUMN secret_hash         varchar(64),
    ADD COLUMN anonymous           boolean NOT NULL DEFAULT true,
    ADD COLUMN reporter_name_enc   varchar(500),
    ADD COLUMN reporter_id_enc     varchar(500),
    ADD COLUMN reporter_phone_enc  varchar(500),
    ADD COLUMN reporter_id_index   varchar(64),
    ADD COLUMN insider             boolean NOT NULL DEFAULT false,
    ADD COLUMN wants_reward        boolean NOT NULL DEFAULT false,
    ADD COLUMN reported_persons    varchar(1000),
    ADD COLUMN acceptance_due      date,
    ADD COLUMN decided_at          timestamptz,
    ADD COLUMN decided_by          varchar(120),
    ADD COLUMN decline_reason      varchar(40),
    ADD COLUMN notified_at         timestamptz,
    ADD COLUMN assigned_to         varchar(120),
    ADD COLUMN verified_at         timestamptz,
    ADD COLUMN verified_by         varchar(120),
    ADD COLUMN case_value          numeric(16, 2),
    ADD COLUMN evidence_level      integer,
    ADD COLUMN target_kind         varchar(20),
    ADD COLUMN responsible_persons varchar(20000),
    ADD COLUMN reward_checks       varchar(2000),
    ADD COLUMN handling_decided_at timestamptz,
    ADD COLUMN recovered_amount    numeric(16, 2),
    ADD COLUMN duplicate_of        uuid REFERENCES report (id),
    ADD COLUMN version             integer NOT NULL DEFAULT 0;
CREATE INDEX report_status_due ON report (status, acceptance_due);

CREATE TABLE report_attachment (
    id          uuid PRIMARY KEY,
    report_id   uuid         NOT NULL REFERENCES report (id),
    file_name   varchar(200) NOT NULL,
    media_type  varchar(100) NOT NULL,
    size_bytes  bigint       NOT NULL,
    sha256      varchar(64)  NOT NULL,
    content     bytea        NOT NULL,
    added_at    timestamptz  NOT NULL,
    added_by    varchar(120) NOT NULL
);
CREATE INDEX report_attachment_report ON report_attachment (report_id);

CREATE TABLE report_message (
    id          uuid PRIMARY KEY,
    report_id   uuid          NOT NULL REFERENCES report (id),
    author      varchar(20)   NOT NULL,
    body        varchar(4000) NOT NULL,
    sent_at     timestamptz   NOT NULL
);
CREATE INDEX report_message_report ON report_message (report_id, sent_at);

CREATE TABLE reward (
    report_id        uuid PRIMARY KEY REFERENCES report (id),
    status           varchar(20)    NOT NULL,
    policy_id        varchar(60)    NOT NULL,
    amount           numeric(12, 2) NOT NULL,
    quote            varchar(20000) NOT NULL,
    approved_by      varchar(120)   NOT NULL,
    approved_at      timestamptz    NOT NULL,
    claim_deadline   date           NOT NULL,
    claimed_at       timestamptz,
    paid_at          timestamptz,
    paid_by          varchar(120),
    payment_ref      varchar(60),
    closed_reason    varchar(200),
    version          integer        NOT NULL DEFAULT 0
);

-- Feedback to the rules: a hit dismissed at second review with a recorded reason may suppress the same rule's hits at
-- the same institution in later runs (e.g. an approved exception).
CREATE TABLE hit_suppression (
    id                 uuid         PRIMARY KEY,
    rule_code          varchar(30)  NOT NULL,
    knowledge_point_id varchar(64)  NOT NULL,
    fixmedins_code     varchar(30)  NOT NULL,
    case_id            uuid         NOT NULL REFERENCES review_case (id),
    reason             varchar(500) NOT NULL,
    created_by         varchar(120) NOT NULL,
    created_at         timestamptz  NOT NULL,
    CONSTRAINT hit_suppression_key UNIQUE (rule_code, knowledge_point_id, fixmedins_code)
);

-- Reminders of staff steps coming due or overdue, one per case, step and kind.
CREATE TABLE review_reminder (
    id         uuid        PRIMARY KEY,
    case_id    uuid        NOT NULL REFERENCES review_case (id),
    status     varchar(20) NOT NULL,
    step_due   date        NOT NULL,
    kind       varchar(10) NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT review_reminder_once UNIQUE (case_id, status, kind)
);

-- Quality sampling of reviewed cases: a sample drawn at random, by amount or by variance, each case re-checked by an
-- auditor who did not review it; the error rate is the share of re-checks that disagree.
CREATE TABLE review_sample (
    id             uuid         PRIMARY KEY,
    region         varchar(6)   NOT NULL,
    method         varchar(10)  NOT NULL,
    requested_size integer      NOT NULL,
    seed           bigint       NOT NULL,
    created_by     varchar(120) NOT NULL,
    created_at     timestamptz  NOT NULL
);
CREATE TABLE review_sample_item (
    sample_id        uuid         NOT NULL REFERENCES review_sample (id),
    case_id          uuid         NOT NULL REFERENCES review_case (id),
    position         integer      NOT NULL,
    original_outcome varchar(10)  NOT NULL,
    recheck_outcome  varchar(10),
    recheck_reason   varchar(500),
    rechecked_by     varchar(120),
    rechecked_at     timestamptz,
    PRIMARY KEY (sample_id, case_id)
);

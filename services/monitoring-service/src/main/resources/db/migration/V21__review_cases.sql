-- From finding to decision (初审 → 复审 → 申诉 → 调查核实 → 处理): one review case per finding, its current step and that
-- step's deadline, who did each step (separation of duties), the institution's appeal and statement, and the decision.
CREATE TABLE review_case (
    id                  uuid          PRIMARY KEY,
    finding_id          uuid          NOT NULL UNIQUE REFERENCES finding (id),
    admdvs              varchar(6)    NOT NULL,
    fixmedins_code      varchar(30)   NOT NULL,
    rule_code           varchar(30)   NOT NULL,
    knowledge_point_id  varchar(64)   NOT NULL,
    result_type         varchar(10)   NOT NULL,
    amount              numeric(16, 2) NOT NULL,
    status              varchar(20)   NOT NULL,
    step_due            date,
    assignee            varchar(120),
    first_reviewer      varchar(120),
    first_outcome       varchar(10),
    first_reason        varchar(500),
    first_at            timestamptz,
    second_reviewer     varchar(120),
    second_outcome      varchar(10),
    second_reason       varchar(500),
    second_at           timestamptz,
    appeal_text         varchar(4000),
    appeal_documents    jsonb,
    appealed_at         timestamptz,
    investigator        varchar(120),
    investigation_note  varchar(4000),
    fund_loss           numeric(16, 2),
    investigated_at     timestamptz,
    decision            jsonb,
    decision_drafted_by varchar(120),
    statement_text      varchar(4000),
    statement_at        timestamptz,
    decision_id         uuid,
    decided_by          varchar(120),
    decided_at          timestamptz,
    closed_reason       varchar(500),
    created_at          timestamptz   NOT NULL,
    version             integer       NOT NULL DEFAULT 0
);
CREATE INDEX review_case_queue ON review_case (admdvs, status, step_due);
CREATE INDEX review_case_institution ON review_case (fixmedins_code, status);

-- documents an institution sends with its appeal or statement: kept whole, with their hash
CREATE TABLE review_document (
    id           uuid          PRIMARY KEY,
    case_id      uuid          NOT NULL REFERENCES review_case (id),
    name         varchar(200)  NOT NULL,
    media_type   varchar(100)  NOT NULL,
    size_bytes   integer       NOT NULL,
    sha256       varchar(64)   NOT NULL,
    content      bytea         NOT NULL,
    uploaded_by  varchar(120)  NOT NULL,
    uploaded_at  timestamptz   NOT NULL
);
CREATE INDEX review_document_case ON review_document (case_id);

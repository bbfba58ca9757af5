-- service-kit tables, present in every service database (Flyway location db/kit)

CREATE TABLE outbox_event (
    id            uuid PRIMARY KEY,
    seq           bigserial NOT NULL UNIQUE,
    type          varchar(120) NOT NULL,
    source        varchar(200) NOT NULL,
    subject       varchar(120) NOT NULL,
    topic         varchar(200) NOT NULL,
    event_time    timestamptz NOT NULL,
    payload       jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    sent_at       timestamptz,
    attempts      integer NOT NULL DEFAULT 0,
    last_error    varchar(1000)
);
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;

CREATE TABLE processed_event (
    consumer      varchar(120) NOT NULL,
    event_id      varchar(120) NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE audit_log (
    id              uuid PRIMARY KEY,
    at              timestamptz NOT NULL,
    actor_subject   varchar(120) NOT NULL,
    actor_username  varchar(120),
    actor_agency    varchar(40),
    actor_region    varchar(6),
    action          varchar(120) NOT NULL,
    entity_type     varchar(120) NOT NULL,
    entity_id       varchar(120) NOT NULL,
    request_id      varchar(128),
    before_state    jsonb,
    after_state     jsonb
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, at);

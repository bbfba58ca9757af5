CREATE TABLE report (
    id                uuid PRIMARY KEY,
    region            varchar(6) NOT NULL,
    channel           varchar(20) NOT NULL,
    status            varchar(20) NOT NULL,
    institution_code  varchar(30),
    institution_name  varchar(200),
    conduct           varchar(4000) NOT NULL,
    occurred_on       date,
    received_at       timestamptz NOT NULL,
    received_by       varchar(120) NOT NULL
);
CREATE INDEX report_region_received ON report (region, received_at DESC);

-- The report handlers the service has seen sign in, with the region of their token: an assignment must name one of
-- them whose region covers the report's (以上查下). Kept up to date at each handler's first request after a start and
-- every few minutes after; a user seen again without the role is removed.
CREATE TABLE report_handler (
    username      varchar(120) PRIMARY KEY,
    region        varchar(6)   NOT NULL,
    first_seen_at timestamptz  NOT NULL,
    last_seen_at  timestamptz  NOT NULL
);

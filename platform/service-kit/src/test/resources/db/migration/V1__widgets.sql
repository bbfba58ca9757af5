CREATE TABLE widget (
    id         uuid PRIMARY KEY,
    name       varchar(100) NOT NULL,
    region     varchar(6) NOT NULL
);
CREATE TABLE widget_tally (
    name       varchar(100) PRIMARY KEY,
    count      integer NOT NULL
);

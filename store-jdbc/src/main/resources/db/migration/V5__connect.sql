-- MSK Connect's resources (custom plugins, worker configurations, connectors and their
-- operations), each kept whole as a JSON document; name is unique within its kind.
CREATE TABLE connect_resources (
    arn        VARCHAR(700)     NOT NULL PRIMARY KEY,
    kind       VARCHAR(32)      NOT NULL,
    name       VARCHAR(700)     NOT NULL,
    parent_arn VARCHAR(700),
    created_at BIGINT           NOT NULL,
    document   VARCHAR(1000000) NOT NULL,
    UNIQUE (kind, name)
);

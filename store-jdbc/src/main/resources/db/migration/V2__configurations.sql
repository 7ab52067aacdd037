-- MSK configurations and their immutable revisions.
CREATE TABLE configurations (
    arn                 VARCHAR(512)  NOT NULL PRIMARY KEY,
    name                VARCHAR(64)   NOT NULL UNIQUE,
    description         VARCHAR(4000) NOT NULL,
    kafka_versions_json VARCHAR(4000) NOT NULL,
    creation_time       BIGINT        NOT NULL,
    state               VARCHAR(32)   NOT NULL,
    latest_revision     BIGINT        NOT NULL
);

CREATE TABLE configuration_revisions (
    configuration_arn VARCHAR(512)   NOT NULL REFERENCES configurations (arn) ON DELETE CASCADE,
    revision          BIGINT         NOT NULL,
    description       VARCHAR(4000)  NOT NULL,
    creation_time     BIGINT         NOT NULL,
    server_properties VARCHAR(100000) NOT NULL,
    PRIMARY KEY (configuration_arn, revision)
);

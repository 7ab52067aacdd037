-- Clusters, their nodes, their operations and tags. Times are epoch milliseconds so that H2 and
-- PostgreSQL behave the same; structured values the database never queries are JSON text.
CREATE TABLE clusters (
    arn                  VARCHAR(512)  NOT NULL PRIMARY KEY,
    name                 VARCHAR(64)   NOT NULL UNIQUE,
    uuid                 VARCHAR(64)   NOT NULL,
    state                VARCHAR(32)   NOT NULL,
    state_code           VARCHAR(128),
    state_message        VARCHAR(4000),
    creation_time        BIGINT        NOT NULL,
    current_version      VARCHAR(64)   NOT NULL,
    spec_json            VARCHAR(65535) NOT NULL,
    active_operation_arn VARCHAR(512),
    network_slot         INTEGER       NOT NULL UNIQUE,
    kafka_cluster_id     VARCHAR(64)   NOT NULL
);

CREATE TABLE cluster_nodes (
    cluster_arn        VARCHAR(512) NOT NULL REFERENCES clusters (arn) ON DELETE CASCADE,
    node_id            INTEGER      NOT NULL,
    role               VARCHAR(16)  NOT NULL,
    zone_name          VARCHAR(64)  NOT NULL,
    zone_id            VARCHAR(64)  NOT NULL,
    subnet             VARCHAR(256) NOT NULL,
    host               VARCHAR(64)  NOT NULL,
    port               INTEGER      NOT NULL,
    added_time         BIGINT       NOT NULL,
    pid                BIGINT,
    process_started_at BIGINT,
    PRIMARY KEY (cluster_arn, node_id)
);

CREATE TABLE cluster_operations (
    arn              VARCHAR(512)  NOT NULL PRIMARY KEY,
    cluster_arn      VARCHAR(512)  NOT NULL,
    type             VARCHAR(64)   NOT NULL,
    state            VARCHAR(32)   NOT NULL,
    steps_json       VARCHAR(65535) NOT NULL,
    creation_time    BIGINT        NOT NULL,
    end_time         BIGINT,
    error_code       VARCHAR(128),
    error_string     VARCHAR(4000),
    source_spec_json VARCHAR(65535),
    target_spec_json VARCHAR(65535)
);

CREATE INDEX cluster_operations_by_cluster ON cluster_operations (cluster_arn, creation_time);

CREATE TABLE resource_tags (
    resource_arn VARCHAR(512) NOT NULL,
    tag_key      VARCHAR(128) NOT NULL,
    tag_value    VARCHAR(256) NOT NULL,
    PRIMARY KEY (resource_arn, tag_key)
);

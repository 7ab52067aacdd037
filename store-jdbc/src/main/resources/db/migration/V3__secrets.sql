-- Secrets Manager secrets, their versions, and the clusters that use them for SASL/SCRAM.
CREATE TABLE secrets (
    arn                 VARCHAR(600)  NOT NULL PRIMARY KEY,
    name                VARCHAR(512)  NOT NULL UNIQUE,
    description         VARCHAR(2048) NOT NULL,
    kms_key_id          VARCHAR(2048),
    created_date        BIGINT        NOT NULL,
    last_changed_date   BIGINT        NOT NULL,
    deleted_date        BIGINT,
    current_version_id  VARCHAR(64)   NOT NULL,
    previous_version_id VARCHAR(64)
);

CREATE TABLE secret_versions (
    secret_arn    VARCHAR(600)   NOT NULL REFERENCES secrets (arn) ON DELETE CASCADE,
    version_id    VARCHAR(64)    NOT NULL,
    secret_string VARCHAR(65536) NOT NULL,
    created_date  BIGINT         NOT NULL,
    PRIMARY KEY (secret_arn, version_id)
);

CREATE TABLE cluster_scram_secrets (
    cluster_arn   VARCHAR(512) NOT NULL REFERENCES clusters (arn) ON DELETE CASCADE,
    secret_arn    VARCHAR(600) NOT NULL REFERENCES secrets (arn) ON DELETE CASCADE,
    username      VARCHAR(256) NOT NULL,
    associated_at BIGINT       NOT NULL,
    PRIMARY KEY (cluster_arn, secret_arn)
);

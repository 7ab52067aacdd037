-- Resource policies: MSK cluster policies, versioned and gone with their cluster, and Secrets
-- Manager's resource policy of a secret, gone with it.
CREATE TABLE cluster_policies (
    cluster_arn VARCHAR(512)   NOT NULL PRIMARY KEY REFERENCES clusters (arn) ON DELETE CASCADE,
    policy      VARCHAR(65536) NOT NULL,
    version     VARCHAR(64)    NOT NULL
);

ALTER TABLE secrets ADD COLUMN resource_policy VARCHAR(20480);

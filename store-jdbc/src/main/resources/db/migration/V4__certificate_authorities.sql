-- Private CA: authorities (with their private keys; there is no HSM or KMS here) and issued certificates.
CREATE TABLE certificate_authorities (
    arn               VARCHAR(600)  NOT NULL PRIMARY KEY,
    subject           VARCHAR(2048) NOT NULL,
    key_algorithm     VARCHAR(32)   NOT NULL,
    signing_algorithm VARCHAR(32)   NOT NULL,
    created_at        BIGINT        NOT NULL,
    not_before        BIGINT        NOT NULL,
    not_after         BIGINT        NOT NULL,
    serial            VARCHAR(128)  NOT NULL,
    certificate_pem   VARCHAR(16384) NOT NULL,
    private_key_pem   VARCHAR(16384) NOT NULL
);

CREATE TABLE issued_certificates (
    arn               VARCHAR(700)  NOT NULL PRIMARY KEY,
    authority_arn     VARCHAR(600)  NOT NULL REFERENCES certificate_authorities (arn) ON DELETE CASCADE,
    certificate_pem   VARCHAR(16384) NOT NULL
);

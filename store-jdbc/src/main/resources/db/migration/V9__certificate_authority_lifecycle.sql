-- Private CA authorities get a status (ACTIVE, DISABLED, DELETED until restorable_until), the options
-- they were created with, and the idempotency tokens that make a create or an issue sent again
-- answer as the first one did.
ALTER TABLE certificate_authorities ADD COLUMN status VARCHAR(32) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE certificate_authorities ADD COLUMN last_state_change_at BIGINT;
ALTER TABLE certificate_authorities ADD COLUMN restorable_until BIGINT;
ALTER TABLE certificate_authorities ADD COLUMN usage_mode VARCHAR(32) DEFAULT 'GENERAL_PURPOSE' NOT NULL;
ALTER TABLE certificate_authorities ADD COLUMN key_storage_standard VARCHAR(64)
    DEFAULT 'FIPS_140_2_LEVEL_3_OR_HIGHER' NOT NULL;
ALTER TABLE certificate_authorities ADD COLUMN revocation_json VARCHAR(4096);
ALTER TABLE certificate_authorities ADD COLUMN idempotency_token VARCHAR(64);
-- The authority's own signing request, made once, so that every read of it answers the same.
ALTER TABLE certificate_authorities ADD COLUMN csr_pem VARCHAR(16384);
CREATE UNIQUE INDEX certificate_authorities_by_token ON certificate_authorities (idempotency_token);

ALTER TABLE issued_certificates ADD COLUMN idempotency_token VARCHAR(64);
CREATE UNIQUE INDEX issued_certificates_by_token ON issued_certificates (authority_arn, idempotency_token);

-- The answers given to signed requests that changed something, kept while their signature is
-- valid, so that the same signature sent again gets the first answer rather than running twice.
CREATE TABLE signed_request_answers (
    signature  VARCHAR(64)      NOT NULL PRIMARY KEY,
    expires_at BIGINT           NOT NULL,
    status     INT              NOT NULL,
    headers    VARCHAR(4000)    NOT NULL,
    body       VARCHAR(1000000) NOT NULL
);
CREATE INDEX signed_request_answers_expiry ON signed_request_answers (expires_at);

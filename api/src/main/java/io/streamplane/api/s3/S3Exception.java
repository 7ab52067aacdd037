package io.streamplane.api.s3;

/** A request the S3 front refuses, with the status and S3 error code the client is told. */
final class S3Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    S3Exception(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}

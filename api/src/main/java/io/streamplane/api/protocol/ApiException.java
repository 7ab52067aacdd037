package io.streamplane.api.protocol;

/** Raised inside the protocol layer to answer with a given AWS error. */
public final class ApiException extends RuntimeException {
    private final AwsError error;

    public ApiException(AwsError error) {
        super(error.message());
        this.error = error;
    }

    public AwsError error() {
        return error;
    }
}

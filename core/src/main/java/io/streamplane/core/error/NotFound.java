package io.streamplane.core.error;

/** The resource a request names does not exist. */
public final class NotFound extends DomainException {
    public NotFound(String message) {
        super(message);
    }
}

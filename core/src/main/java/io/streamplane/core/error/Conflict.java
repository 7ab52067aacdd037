package io.streamplane.core.error;

/** The request conflicts with an existing resource, such as a cluster name already in use. */
public final class Conflict extends DomainException {
    public Conflict(String message) {
        super(message);
    }
}

package io.streamplane.core.error;

/** A broken domain rule, raised by a service and mapped by the API layer to an AWS error. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message);
    }
}

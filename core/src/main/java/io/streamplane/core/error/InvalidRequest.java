package io.streamplane.core.error;

import java.util.Optional;

/** A request that breaks a rule; names the offending field (wire name) where there is one. */
public final class InvalidRequest extends DomainException {
    private final String field;

    public InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public InvalidRequest(String message) {
        this(null, message);
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}

package io.streamplane.core.error;

import java.util.Optional;

/**
 * Kafka refused a request the control plane passed on, or could not complete it, in a way that is
 * the caller's to act on: MSK's topic operations answer each with an error of its own.
 */
public final class KafkaRefusal extends DomainException {
    /** Why Kafka did not do what was asked. */
    public enum Reason {
        TOPIC_EXISTS,
        NOT_CONTROLLER,
        REASSIGNMENT_IN_PROGRESS,
        GROUP_SUBSCRIBED_TO_TOPIC,
        /** Kafka took the request but did not finish it in time; it may still take effect. */
        TIMEOUT,
        /** No broker of the cluster could be reached. */
        CLUSTER_CONNECTIVITY,
        /** Any other refusal Kafka gives, with its own message. */
        REQUEST
    }

    private final Reason reason;
    private final String field;

    public KafkaRefusal(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The request member (wire name) the refusal concerns, where there is one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}

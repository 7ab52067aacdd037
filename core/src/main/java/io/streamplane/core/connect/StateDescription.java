package io.streamplane.core.connect;

/** Why an MSK Connect resource is in its state, as {@code stateDescription} tells it. */
public record StateDescription(String code, String message) {
}

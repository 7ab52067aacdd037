package io.streamplane.core.node;

/** What a Kafka node does in a KRaft cluster. Controllers are hidden from users, as in MSK. */
public enum NodeRole {
    BROKER, CONTROLLER
}

package io.streamplane.core.cluster;

/** What a Kafka node does in a KRaft cluster. Controllers are hidden from users, as in MSK. */
public enum NodeRole {
    BROKER, CONTROLLER
}

package io.streamplane.core.topic;

/** MSK's topic states (enum TopicState in the service model). */
public enum TopicStatus {
    CREATING, UPDATING, DELETING, ACTIVE
}

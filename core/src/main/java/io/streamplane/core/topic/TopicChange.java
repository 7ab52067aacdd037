package io.streamplane.core.topic;

/** What a change to a topic answers: the topic and the state the change leaves it in. */
public record TopicChange(String arn, String name, TopicStatus status) {
}

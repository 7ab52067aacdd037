package io.streamplane.core.topic;

import io.streamplane.core.kafka.TopicLayout;

/** A topic as ListTopics shows it, with the ARN MSK gives it. */
public record TopicSummary(String arn, TopicLayout layout) {
}

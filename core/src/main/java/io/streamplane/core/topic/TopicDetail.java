package io.streamplane.core.topic;

import io.streamplane.core.kafka.TopicConfigs;
import io.streamplane.core.kafka.TopicLayout;

/** A topic as DescribeTopic shows it: its layout, its configuration and the state that follows from them. */
public record TopicDetail(String arn, TopicLayout layout, TopicConfigs configs) {

    /** Live: ACTIVE once every partition has a leader and none is being moved; UPDATING until then. */
    public TopicStatus status() {
        return layout.settled() ? TopicStatus.ACTIVE : TopicStatus.UPDATING;
    }
}

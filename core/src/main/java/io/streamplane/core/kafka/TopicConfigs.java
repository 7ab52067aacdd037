package io.streamplane.core.kafka;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A topic's configuration: every property Kafka reports a value for, defaults included, and the
 * names of those set on the topic itself.
 */
public record TopicConfigs(Map<String, String> effective, Set<String> explicit) {

    public TopicConfigs {
        effective = Collections.unmodifiableSortedMap(new TreeMap<>(effective));
        explicit = Set.copyOf(explicit);
    }
}

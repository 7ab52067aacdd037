package io.streamplane.core.kafka;

import io.streamplane.core.node.KafkaRelease;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A Kafka version as MSK users name it, and the Apache Kafka release it stands for.
 *
 * @param name         MSK's name: {@code 3.6.0}, {@code 3.8.x}, {@code 3.9.x.kraft}, {@code 4.1.x.kraft}
 * @param release      the Apache Kafka release: an exact one ({@code 3.6.0}) or a minor line
 *                     ({@code 3.8}), which the newest patch release of that line runs
 * @param mode         how clusters of this version keep their metadata
 * @param endOfSupport the day MSK ends its support of the version, where MSK has published one
 */
public record KafkaVersion(String name, String release, MetadataMode mode, Optional<LocalDate> endOfSupport) {

    static KafkaVersion kraft(String line) {
        return new KafkaVersion(line + ".x.kraft", line, MetadataMode.KRAFT, Optional.empty());
    }

    static KafkaVersion zookeeper(String line) {
        return new KafkaVersion(line + ".x", line, MetadataMode.ZOOKEEPER, Optional.empty());
    }

    static KafkaVersion zookeeper(String exact, String endOfSupport) {
        return new KafkaVersion(exact, exact, MetadataMode.ZOOKEEPER, Optional.of(LocalDate.parse(endOfSupport)));
    }

    /** Whether the Apache release is this version: the exact release, or a patch release of its line. */
    public boolean runsOn(KafkaRelease candidate) {
        String apache = candidate.apacheVersion();
        return apache.equals(release) || apache.startsWith(release + ".");
    }

    /** Whether MSK has ended its support of the version by {@code today}. */
    public boolean endedBy(LocalDate today) {
        return endOfSupport.filter(end -> !today.isBefore(end)).isPresent();
    }
}

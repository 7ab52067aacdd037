package io.streamplane.core.configuration;

import java.time.Instant;
import java.util.List;

/**
 * A named, revisioned set of broker properties that clusters can use (an MSK configuration).
 *
 * @param kafkaVersions the MSK versions it may be used with; empty means any
 */
public record Configuration(
        String arn,
        String name,
        String description,
        List<String> kafkaVersions,
        Instant creationTime,
        ConfigurationState state,
        ConfigurationRevision latestRevision) {

    public Configuration {
        kafkaVersions = List.copyOf(kafkaVersions);
    }

    public Configuration withLatestRevision(ConfigurationRevision revision) {
        return new Configuration(arn, name, description, kafkaVersions, creationTime, state, revision);
    }
}

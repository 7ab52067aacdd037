package io.streamplane.core.connect;

import java.time.Instant;

/** A named set of Kafka Connect worker properties that connectors can be created with. */
public record WorkerConfiguration(String arn, String name, String description, Instant creationTime,
                                  WorkerConfigurationState state, WorkerConfigurationRevision latestRevision) {
}

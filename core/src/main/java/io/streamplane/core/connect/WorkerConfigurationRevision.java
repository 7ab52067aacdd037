package io.streamplane.core.connect;

import java.time.Instant;

/** One revision of a worker configuration: the worker properties as the user wrote them. */
public record WorkerConfigurationRevision(long revision, String description, Instant creationTime,
                                          String propertiesFileContent) {
}

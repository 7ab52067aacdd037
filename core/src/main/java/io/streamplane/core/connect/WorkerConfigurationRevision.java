package io.streamplane.core.connect;

import java.time.Instant;
import java.util.Map;

/**
 * One revision of a worker configuration: the worker properties as the user wrote them, checked
 * against MSK Connect's rules before they were stored.
 */
public record WorkerConfigurationRevision(long revision, String description, Instant creationTime,
                                          String propertiesFileContent) {

    /** The properties by name; they were validated when the revision was created. */
    public Map<String, String> properties() {
        return WorkerProperties.parse(propertiesFileContent);
    }
}

package io.streamplane.core.configuration;

import java.time.Instant;

/**
 * One revision of a configuration. Revisions start at 1 and are never changed once written.
 *
 * @param serverProperties the server.properties text as the user gave it
 */
public record ConfigurationRevision(long revision, String description, Instant creationTime, String serverProperties) {
}

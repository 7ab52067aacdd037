package io.streamplane.core.node;

/**
 * An Apache Kafka release the runtime can run.
 *
 * @param apacheVersion e.g. {@code 4.1.1}
 */
public record KafkaRelease(String apacheVersion) {

    /** The release's minor line, {@code 4.1} for {@code 4.1.1}: the runtime offers one release per line. */
    public String line() {
        String[] parts = apacheVersion.split("\\.");
        return parts[0] + "." + parts[1];
    }
}

package io.streamplane.core.node;

/**
 * An Apache Kafka release the runtime can run, and the version string MSK users name it by.
 *
 * @param apacheVersion e.g. {@code 4.1.1}
 */
public record KafkaRelease(String apacheVersion) {

    /** MSK names KRaft-mode releases by minor line: Apache 4.1.1 is {@code 4.1.x.kraft}. */
    public String mskVersion() {
        String[] parts = apacheVersion.split("\\.");
        return parts[0] + "." + parts[1] + ".x.kraft";
    }
}

package io.streamplane.core.cluster;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/** Kafka's own cluster id, written into the storage of every node of a cluster. */
public final class KafkaClusterId {
    private KafkaClusterId() {
    }

    /**
     * A random UUID in URL-safe base64 without padding, as kafka-storage makes. Like Kafka, never one
     * that starts with '-': Kafka's command-line tools would read such an id as an option.
     */
    public static String random() {
        String id;
        do {
            var uuid = UUID.randomUUID();
            var bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}

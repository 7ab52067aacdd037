package io.streamplane.connect.s3;

import java.util.Optional;

/**
 * Object keys: {@code PREFIX/TOPIC/partition=N/TOPIC+N+OFFSET.jsonl[.gz]}, the offset that of the
 * object's first record, zero-padded to 20 digits so that keys sort by offset.
 */
final class ObjectKeys {
    private final String prefix;
    private final String extension;

    ObjectKeys(String prefix, boolean gzip) {
        this.prefix = prefix;
        this.extension = gzip ? ".jsonl.gz" : ".jsonl";
    }

    /** Where a partition's objects are, ending in '/'. */
    String partitionPrefix(String topic, int partition) {
        return (prefix.isEmpty() ? "" : prefix + "/") + topic + "/partition=" + partition + "/";
    }

    String key(String topic, int partition, long startOffset) {
        return partitionPrefix(topic, partition) + topic + "+" + partition + "+" + String.format("%020d", startOffset)
                + extension;
    }

    /** The starting offset in a key this class made, or empty for any other key. */
    Optional<Long> startOffset(String key) {
        if (!key.endsWith(extension)) {
            return Optional.empty();
        }
        String name = key.substring(key.lastIndexOf('/') + 1, key.length() - extension.length());
        int plus = name.lastIndexOf('+');
        try {
            return plus < 0 ? Optional.empty() : Optional.of(Long.parseLong(name.substring(plus + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package io.streamplane.core.kafka;

import java.util.List;

/**
 * A topic as its brokers report it now: its partitions, and whether any of them is being moved.
 *
 * @param internal    Kafka's own topics ({@code __consumer_offsets}, {@code __transaction_state})
 * @param reassigning whether a reassignment of one of its partitions is under way
 */
public record TopicLayout(String name, boolean internal, List<PartitionLayout> partitions, boolean reassigning) {

    public TopicLayout {
        partitions = List.copyOf(partitions);
    }

    /** The replicas per partition; partitions of one topic have as many as each other unless reassigned by hand. */
    public int replicationFactor() {
        return partitions.stream().mapToInt(p -> p.replicas().size()).max().orElse(0);
    }

    public int outOfSyncReplicaCount() {
        return partitions.stream().mapToInt(p -> p.replicas().size() - (int) p.replicas().stream()
                .filter(p.isr()::contains).count()).sum();
    }

    /** Serving as asked: every partition has a leader and none is being moved. */
    public boolean settled() {
        return !reassigning && partitions.stream().allMatch(p -> p.leader().isPresent());
    }
}

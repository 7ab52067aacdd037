package io.streamplane.core.kafka;

import java.util.List;
import java.util.Optional;

/** One partition: its leader (none while no replica can lead), its replicas and its in-sync replicas, by broker id. */
public record PartitionLayout(int partition, Optional<Integer> leader, List<Integer> replicas, List<Integer> isr) {

    public PartitionLayout {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }
}

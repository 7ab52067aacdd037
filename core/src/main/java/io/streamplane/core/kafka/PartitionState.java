package io.streamplane.core.kafka;

import java.util.List;

/** One partition as the cluster reports it: its replicas, which of them are in sync, and its minimum. */
public record PartitionState(String topic, int partition, List<Integer> replicas, List<Integer> inSyncReplicas,
                             int minInSyncReplicas) {

    public PartitionState {
        replicas = List.copyOf(replicas);
        inSyncReplicas = List.copyOf(inSyncReplicas);
    }

    public boolean isUnderReplicated() {
        return inSyncReplicas.size() < replicas.size();
    }

    /** True when every replica of every partition is in sync: a broker just restarted has caught up. */
    public static boolean fullyReplicated(List<PartitionState> partitions) {
        return partitions.stream().noneMatch(PartitionState::isUnderReplicated);
    }

    public String name() {
        return topic + "-" + partition;
    }
}

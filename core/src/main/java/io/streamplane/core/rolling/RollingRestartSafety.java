package io.streamplane.core.rolling;

import io.streamplane.core.kafka.PartitionState;

import java.util.List;
import java.util.Optional;

/**
 * Whether a broker may be stopped now without taking any partition below min.insync.replicas, which
 * would make acks=all producers fail. Pure, so every case is unit tested.
 */
public final class RollingRestartSafety {
    private RollingRestartSafety() {
    }

    /** Empty if stopping the broker is safe, else the first partition it would hurt and how. */
    public static Optional<String> whyUnsafeToStop(int brokerId, List<PartitionState> partitions) {
        for (var partition : partitions) {
            if (!partition.inSyncReplicas().contains(brokerId)) {
                continue;
            }
            int remaining = partition.inSyncReplicas().size() - 1;
            if (remaining < partition.minInSyncReplicas()) {
                return Optional.of("stopping broker " + brokerId + " would leave " + partition.name() + " with "
                        + remaining + " in-sync replica(s), below its min.insync.replicas of "
                        + partition.minInSyncReplicas());
            }
        }
        return Optional.empty();
    }
}

package io.streamplane.core.health;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.cluster.StateInfo;
import io.streamplane.core.node.NodeRuntime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How full each broker's volume is: the bytes of its data against the cluster's volume size.
 * Measured on demand and kept a few seconds, since walking a broker's data is not free.
 */
public final class StorageUsage {
    /** At or above this share of its volume a broker is reported as nearly full. */
    public static final double NEARLY_FULL = 0.85;
    private static final long GIB = 1024L * 1024 * 1024;
    private final ClusterStore store;
    private final NodeRuntime runtime;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, Measurement> measurements = new ConcurrentHashMap<>();

    public StorageUsage(ClusterStore store, NodeRuntime runtime, Clock clock, Duration maxAge) {
        this.store = store;
        this.runtime = runtime;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** One broker's volume: bytes used and its size. */
    public record BrokerStorage(int brokerId, long usedBytes, long volumeBytes) {
        public double usedRatio() {
            return volumeBytes == 0 ? 0 : (double) usedBytes / volumeBytes;
        }

        public boolean nearlyFull() {
            return usedRatio() >= NEARLY_FULL;
        }
    }

    private record Measurement(Instant at, int volumeGiB, List<BrokerStorage> brokers) {
    }

    public List<BrokerStorage> brokers(Cluster cluster) {
        var cached = measurements.get(cluster.arn());
        if (cached != null && cached.volumeGiB() == cluster.spec().volumeSizeGiB()
                && cached.at().plus(maxAge).isAfter(clock.instant())) {
            return cached.brokers();
        }
        long volume = cluster.spec().volumeSizeGiB() * GIB;
        var brokers = store.nodes(cluster.arn()).stream().filter(ClusterNode::isBroker)
                .map(b -> new BrokerStorage(b.nodeId(), runtime.dataBytes(cluster.uuid(), b.nodeId()), volume))
                .toList();
        measurements.put(cluster.arn(), new Measurement(clock.instant(), cluster.spec().volumeSizeGiB(), brokers));
        return brokers;
    }

    /**
     * The cluster as Describe shows it: an ACTIVE cluster with a nearly full broker says so in its
     * stateInfo, where MSK users look first, while it stays ACTIVE.
     */
    public Cluster withStorageWarning(Cluster cluster) {
        if (cluster.state() != ClusterState.ACTIVE || cluster.stateInfo().isPresent()) {
            return cluster;
        }
        var full = brokers(cluster).stream().filter(BrokerStorage::nearlyFull).toList();
        if (full.isEmpty()) {
            return cluster;
        }
        var message = new StringBuilder();
        for (var broker : full) {
            message.append(message.length() == 0 ? "" : "; ").append(String.format(
                    "Broker %d uses %.0f%% of its %d GiB volume", broker.brokerId(), broker.usedRatio() * 100,
                    cluster.spec().volumeSizeGiB()));
        }
        return cluster.withState(cluster.state(), Optional.of(new StateInfo("STORAGE_NEARLY_FULL",
                message + "; grow the volumes with UpdateBrokerStorage")));
    }
}

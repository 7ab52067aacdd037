package io.streamplane.api.handlers;

import io.streamplane.core.health.StorageUsage;
import io.streamplane.core.lifecycle.ClusterService;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The control plane's Prometheus page ({@code GET /metrics}): each broker's volume use against its
 * size, the figures behind the STORAGE_NEARLY_FULL warning in Describe.
 */
public final class StorageMetrics implements Supplier<String> {
    private final ClusterService clusters;
    private final StorageUsage storage;

    public StorageMetrics(ClusterService clusters, StorageUsage storage) {
        this.clusters = clusters;
        this.storage = storage;
    }

    @Override
    public String get() {
        var used = new StringBuilder();
        var size = new StringBuilder();
        var ratio = new StringBuilder();
        var full = new StringBuilder();
        for (var cluster : clusters.list(Optional.empty(), Optional.of(Integer.MAX_VALUE), Optional.empty()).items()) {
            for (var broker : storage.brokers(cluster)) {
                String labels = "{cluster=\"" + cluster.name() + "\",broker=\"" + broker.brokerId() + "\"} ";
                used.append("streamplane_broker_storage_used_bytes").append(labels).append(broker.usedBytes()).append('\n');
                size.append("streamplane_broker_storage_volume_bytes").append(labels).append(broker.volumeBytes())
                        .append('\n');
                ratio.append("streamplane_broker_storage_used_ratio").append(labels)
                        .append(String.format("%.4f", broker.usedRatio())).append('\n');
                full.append("streamplane_broker_storage_nearly_full").append(labels)
                        .append(broker.nearlyFull() ? 1 : 0).append('\n');
            }
        }
        return section("streamplane_broker_storage_used_bytes", "Bytes of data on the broker's volume.", used)
                + section("streamplane_broker_storage_volume_bytes", "Size of the broker's volume.", size)
                + section("streamplane_broker_storage_used_ratio", "Share of the broker's volume in use.", ratio)
                + section("streamplane_broker_storage_nearly_full", "1 when the broker uses 85% of its volume or more.",
                full);
    }

    private static String section(String name, String help, CharSequence samples) {
        return "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n" + samples;
    }
}

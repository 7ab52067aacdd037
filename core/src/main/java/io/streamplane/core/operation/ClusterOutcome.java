package io.streamplane.core.operation;

import io.streamplane.core.cluster.Cluster;

import java.util.Optional;

/**
 * What an ending cluster operation makes of its cluster: the cluster as it now is, the cluster gone,
 * or nothing (it was deleted meanwhile). The store records it in the transaction that ends the
 * operation, so no crash leaves an ended operation with its cluster still changing, nor a failed
 * change's target spec on a cluster that should be back on its previous one.
 */
public final class ClusterOutcome {
    private static final ClusterOutcome UNCHANGED = new ClusterOutcome(Optional.empty(), false);
    private static final ClusterOutcome REMOVED = new ClusterOutcome(Optional.empty(), true);
    private final Optional<Cluster> cluster;
    private final boolean removed;

    private ClusterOutcome(Optional<Cluster> cluster, boolean removed) {
        this.cluster = cluster;
        this.removed = removed;
    }

    /** The cluster as it is once the operation ended. */
    public static ClusterOutcome becomes(Cluster cluster) {
        return new ClusterOutcome(Optional.of(cluster), false);
    }

    /** The cluster, its nodes, SCRAM associations and tags are removed; its operations stay readable. */
    public static ClusterOutcome removed() {
        return REMOVED;
    }

    /** The cluster is left as it is (there is none any more, or its state is another operation's). */
    public static ClusterOutcome unchanged() {
        return UNCHANGED;
    }

    public static ClusterOutcome of(Optional<Cluster> cluster) {
        return cluster.map(ClusterOutcome::becomes).orElse(UNCHANGED);
    }

    public Optional<Cluster> cluster() {
        return cluster;
    }

    public boolean isRemoval() {
        return removed;
    }
}

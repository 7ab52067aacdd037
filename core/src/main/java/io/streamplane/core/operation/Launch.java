package io.streamplane.core.operation;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterSpec;

import java.util.List;
import java.util.Optional;

/**
 * An operation to open on a cluster: its type and steps, and the cluster as it is while the
 * operation runs (its state, the spec it moves to, its version).
 *
 * @param target the spec the operation moves the cluster to; empty for a deletion
 */
public record Launch(OperationType type, List<? extends Step<?>> steps, Cluster next,
                     Optional<ClusterSpec> target) {

    public Launch {
        steps = List.copyOf(steps);
    }

    /** An operation that moves the cluster to {@code next}'s spec (the same spec for the server's own). */
    public static Launch of(OperationType type, List<? extends Step<?>> steps, Cluster next) {
        return new Launch(type, steps, next, Optional.of(next.spec()));
    }

    /** An operation after which the cluster is gone. */
    public static Launch deletion(OperationType type, List<? extends Step<?>> steps, Cluster next) {
        return new Launch(type, steps, next, Optional.empty());
    }
}

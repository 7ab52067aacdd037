package io.streamplane.core.cluster;

import io.streamplane.core.node.NodeRole;

import java.util.List;

/**
 * How a cluster's nodes reach its metadata: through ZooKeeper, through KRaft controllers, or one of
 * the two stages of a migration from the first to the second (KIP-866), in which the controllers
 * copy ZooKeeper's metadata and then keep writing it back there until the migration ends.
 */
public enum MetadataWiring {
    /** Brokers keep the metadata in the ZooKeeper ensemble. */
    ZOOKEEPER,
    /** Brokers still on ZooKeeper, also registered with controllers that migrate the metadata. */
    MIGRATING,
    /** Brokers on KRaft; controllers still writing every change back to ZooKeeper, so it can be undone. */
    BROKERS_ON_KRAFT,
    /** Brokers and controllers on KRaft alone. */
    KRAFT;

    /**
     * How a cluster's nodes reach its metadata when no stage of a migration says otherwise: by the
     * quorums it has, and, while it has both, by its version. A cluster still on a ZooKeeper version
     * is then mid-migration with its brokers on ZooKeeper (the migration's later stages name their
     * wiring themselves); one already on its KRaft version runs on KRaft alone.
     */
    static MetadataWiring of(List<ClusterNode> nodes, boolean onZooKeeperVersion) {
        boolean zookeeper = nodes.stream().anyMatch(n -> n.role() == NodeRole.ZOOKEEPER);
        boolean controllers = nodes.stream().anyMatch(n -> n.role() == NodeRole.CONTROLLER);
        if (!zookeeper) {
            return KRAFT;
        }
        if (!controllers) {
            return ZOOKEEPER;
        }
        return onZooKeeperVersion ? MIGRATING : KRAFT;
    }

    boolean brokersOnZooKeeper() {
        return this == ZOOKEEPER || this == MIGRATING;
    }

    boolean controllersMigrating() {
        return this == MIGRATING || this == BROKERS_ON_KRAFT;
    }
}

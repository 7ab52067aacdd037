package io.streamplane.core.cluster;

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

    boolean brokersOnZooKeeper() {
        return this == ZOOKEEPER || this == MIGRATING;
    }

    boolean controllersMigrating() {
        return this == MIGRATING || this == BROKERS_ON_KRAFT;
    }
}

package io.streamplane.core.node;

/**
 * What a node does in its cluster. Brokers are the user's; the metadata quorum (KRaft controllers,
 * or the ZooKeeper ensemble of a ZooKeeper cluster) is hidden from users, as in MSK.
 */
public enum NodeRole {
    BROKER, CONTROLLER, ZOOKEEPER;

    /** Whether the node keeps the cluster's metadata rather than serving clients. */
    public boolean metadataQuorum() {
        return this != BROKER;
    }
}

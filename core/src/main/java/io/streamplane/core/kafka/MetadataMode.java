package io.streamplane.core.kafka;

import io.streamplane.core.node.NodeRole;

/** Where a cluster keeps its metadata: in a ZooKeeper ensemble, or in a quorum of KRaft controllers. */
public enum MetadataMode {
    ZOOKEEPER(NodeRole.ZOOKEEPER),
    KRAFT(NodeRole.CONTROLLER);

    private final NodeRole quorumRole;

    MetadataMode(NodeRole quorumRole) {
        this.quorumRole = quorumRole;
    }

    /** What the hidden nodes that keep the metadata are. */
    public NodeRole quorumRole() {
        return quorumRole;
    }
}

package io.streamplane.core.kafka;

/** Where a cluster keeps its metadata: in a ZooKeeper ensemble, or in a quorum of KRaft controllers. */
public enum MetadataMode {
    ZOOKEEPER,
    KRAFT
}

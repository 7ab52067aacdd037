package io.streamplane.core.kafka;

/**
 * Where a cluster's metadata.version stands: the finalised level, which gates the record formats and
 * protocols every node uses, and the highest level the nodes' release supports.
 */
public record MetadataVersionLevels(short finalized, short supported) {
}

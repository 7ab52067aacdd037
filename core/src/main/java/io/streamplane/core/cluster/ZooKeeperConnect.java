package io.streamplane.core.cluster;

import java.util.Optional;

/**
 * Where users reach a ZooKeeper cluster's ensemble, as MSK's Describe names it.
 *
 * @param plaintext {@code ZookeeperConnectString}: every server on port 2181
 * @param tls       {@code ZookeeperConnectStringTls}: port 2182, where servers speak TLS (with encryption inside the cluster)
 */
public record ZooKeeperConnect(String plaintext, Optional<String> tls) {
}

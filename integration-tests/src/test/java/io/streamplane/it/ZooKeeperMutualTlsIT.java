package io.streamplane.it;

/** Mutual TLS on a ZooKeeper cluster, whose ACLs live in ZooKeeper. */
class ZooKeeperMutualTlsIT extends MutualTlsTests {
    ZooKeeperMutualTlsIT() {
        super("3.9.x");
    }
}

package io.streamplane.it;

import io.streamplane.testkit.Clusters;

/** Mutual TLS on a KRaft cluster. */
class MutualTlsIT extends MutualTlsTests {
    MutualTlsIT() {
        super(Clusters.KAFKA_VERSION);
    }
}

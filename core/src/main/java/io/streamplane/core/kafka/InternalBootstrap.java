package io.streamplane.core.kafka;

/**
 * Where the control plane connects to a cluster: the brokers' internal listeners, over TLS when
 * the cluster encrypts traffic between its nodes.
 *
 * @param servers     Kafka's bootstrap.servers, host:port,...
 * @param tls         whether those listeners speak SASL_SSL rather than SASL_PLAINTEXT
 * @param clusterUuid the cluster's, whose own internal credentials those listeners take
 */
public record InternalBootstrap(String servers, boolean tls, String clusterUuid) {
    @Override
    public String toString() {
        return servers;
    }
}

package io.streamplane.core.kafka;

/**
 * Where the control plane connects to a cluster: the brokers' internal listeners, over TLS when
 * the cluster encrypts traffic between its nodes.
 *
 * @param servers Kafka's bootstrap.servers, host:port,...
 * @param tls     whether those listeners speak SASL_SSL rather than SASL_PLAINTEXT
 */
public record InternalBootstrap(String servers, boolean tls) {
    @Override
    public String toString() {
        return servers;
    }
}

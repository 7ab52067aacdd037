package io.streamplane.core.cluster;

import io.streamplane.core.security.ClusterSecurity;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The connection strings of a cluster's enabled client listeners: host:port of every broker. */
public record BootstrapBrokers(Optional<String> plaintext, Optional<String> tls, Optional<String> saslScram) {

    static BootstrapBrokers of(List<ClusterNode> brokers, ClusterSecurity security) {
        return new BootstrapBrokers(
                security.plaintextListener() ? Optional.of(join(brokers, BrokerPorts.CLIENT_PLAINTEXT)) : Optional.empty(),
                security.tlsListener() ? Optional.of(join(brokers, BrokerPorts.CLIENT_TLS)) : Optional.empty(),
                security.scramListener() ? Optional.of(join(brokers, BrokerPorts.CLIENT_SASL_SCRAM)) : Optional.empty());
    }

    private static String join(List<ClusterNode> brokers, int port) {
        return brokers.stream().map(b -> b.host() + ":" + port).collect(Collectors.joining(","));
    }
}

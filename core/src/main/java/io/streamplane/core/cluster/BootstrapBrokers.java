package io.streamplane.core.cluster;

import io.streamplane.core.security.BrokerPorts;
import io.streamplane.core.security.ClusterSecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The connection strings of a cluster's enabled client listeners: host:port of every broker. */
public record BootstrapBrokers(Optional<String> plaintext, Optional<String> tls, Optional<String> saslScram) {

    public static BootstrapBrokers of(List<ClusterNode> brokers, ClusterSecurity security) {
        return new BootstrapBrokers(
                security.plaintextListener() ? Optional.of(join(brokers, BrokerPorts.CLIENT_PLAINTEXT)) : Optional.empty(),
                security.tlsListener() ? Optional.of(join(brokers, BrokerPorts.CLIENT_TLS)) : Optional.empty(),
                security.scramListener() ? Optional.of(join(brokers, BrokerPorts.CLIENT_SASL_SCRAM)) : Optional.empty());
    }

    /** The enabled listeners for a log line, e.g. "TLS 127.1.1.1:9094,...". */
    public String described() {
        var parts = new ArrayList<String>();
        plaintext.ifPresent(b -> parts.add("plaintext " + b));
        tls.ifPresent(b -> parts.add("TLS " + b));
        saslScram.ifPresent(b -> parts.add("SASL/SCRAM " + b));
        return String.join("; ", parts);
    }

    private static String join(List<ClusterNode> brokers, int port) {
        return brokers.stream().map(b -> b.host() + ":" + port).collect(Collectors.joining(","));
    }
}

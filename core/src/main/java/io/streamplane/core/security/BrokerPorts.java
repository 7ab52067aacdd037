package io.streamplane.core.security;

/**
 * The ports a broker listens on, on its own address. Clients reach MSK's ports; replication and the
 * control plane use 9093, which MSK keeps internal too.
 */
public final class BrokerPorts {
    public static final int CLIENT_PLAINTEXT = 9092;
    public static final int REPLICATION = 9093;
    public static final int CLIENT_TLS = 9094;
    public static final int CLIENT_SASL_SCRAM = 9096;

    private BrokerPorts() {
    }
}

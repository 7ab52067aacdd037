package io.streamplane.core.node;

/** The Prometheus exporters a broker can run, on the ports MSK's open monitoring uses. */
public enum PrometheusExporter {
    /** Kafka's JMX metrics. */
    JMX(11001),
    /** The host's CPU, memory, disk and network metrics, in the node exporter's names. */
    NODE(11002);

    private final int port;

    PrometheusExporter(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }
}

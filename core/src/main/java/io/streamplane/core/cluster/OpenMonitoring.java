package io.streamplane.core.cluster;

import io.streamplane.core.node.PrometheusExporter;

import java.util.EnumSet;
import java.util.Set;

/**
 * Open monitoring with Prometheus: which exporters each broker runs.
 *
 * @param jmxExporter  Kafka's JMX metrics on port 11001 of each broker
 * @param nodeExporter the host's metrics on port 11002 of each broker
 */
public record OpenMonitoring(boolean jmxExporter, boolean nodeExporter) {
    public static final OpenMonitoring OFF = new OpenMonitoring(false, false);

    public Set<PrometheusExporter> exporters() {
        var exporters = EnumSet.noneOf(PrometheusExporter.class);
        if (jmxExporter) {
            exporters.add(PrometheusExporter.JMX);
        }
        if (nodeExporter) {
            exporters.add(PrometheusExporter.NODE);
        }
        return exporters;
    }
}

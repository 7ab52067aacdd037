package io.streamplane.runtime.local;

import io.streamplane.core.node.NodeLaunchSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The open-monitoring exporters as Java agents inside the broker's JVM, each listening on the
 * broker's own address: Prometheus's JMX exporter, and Streamplane's node exporter agent.
 */
final class PrometheusAgents {
    /**
     * No rules: every MBean is exported under the exporter's default names, such as
     * {@code kafka_server_BrokerTopicMetrics_Count{name="MessagesInPerSec"}}, the names MSK's open
     * monitoring documents and dashboards use.
     */
    static final String JMX_EXPORTER_CONFIG = """
            # Written by Streamplane; changes are overwritten.
            lowercaseOutputName: false
            lowercaseOutputLabelNames: false
            """;
    private final Path agents;

    /** @param agents the directory of the agents' jars, laid out at build time */
    PrometheusAgents(Path agents) {
        this.agents = agents.toAbsolutePath();
    }

    /**
     * @param jmxExporterConfig where the node's JMX exporter configuration is written
     * @param dataDirectory     the file system the node exporter reports the space of
     */
    List<String> jvmOptions(NodeLaunchSpec node, Path jmxExporterConfig, Path dataDirectory) {
        var options = new ArrayList<String>();
        for (var exporter : node.exporters()) {
            String address = node.host() + ":" + exporter.port();
            options.add(switch (exporter) {
                case JMX -> "-javaagent:" + jar("jmx_prometheus_javaagent") + "=" + address + ":" + jmxExporterConfig;
                case NODE -> "-javaagent:" + jar("streamplane-node-exporter-agent") + "=" + address + ":"
                        + dataDirectory;
            });
        }
        return options;
    }

    private Path jar(String name) {
        Path jar = agents.resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The open-monitoring agent " + jar + " is missing; build with "
                    + "'mvn install' to lay it out");
        }
        return jar;
    }
}

package io.streamplane.core.node;

import java.util.Map;
import java.util.Set;

/**
 * Everything the runtime needs to lay out and start one Kafka node.
 *
 * @param clusterUuid  names the cluster's directory
 * @param host         the address the node listens on
 * @param properties   the node's Kafka configuration, without paths (the runtime adds log.dirs)
 * @param heapMegabytes maximum JVM heap for the node
 * @param exporters    the Prometheus exporters the node serves, on its host
 */
public record NodeLaunchSpec(
        String clusterUuid,
        String kafkaClusterId,
        int nodeId,
        NodeRole role,
        String host,
        KafkaRelease release,
        Map<String, String> properties,
        int heapMegabytes,
        Set<PrometheusExporter> exporters) {

    public NodeLaunchSpec {
        properties = Map.copyOf(properties);
        exporters = Set.copyOf(exporters);
    }
}

package io.streamplane.core.node;

import java.util.Map;
import java.util.Set;

/**
 * Everything the runtime needs to lay out and start one Kafka node.
 *
 * @param clusterUuid  names the cluster's directory
 * @param host         the address the node listens on
 * @param properties   the node's configuration, without paths (the runtime adds log.dirs); a value may
 *                     name one of {@code files} by {@link #filePath(String)}
 * @param heapMegabytes maximum JVM heap for the node
 * @param exporters    the Prometheus exporters the node serves, on its host
 * @param files        files the node reads, by name, for what its software takes only from a file (a
 *                     ZooKeeper key store); the runtime writes them, readable by their owner only
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
        Set<PrometheusExporter> exporters,
        Map<String, String> files) {

    /** Stands for the node's own directory in a property's value; the runtime puts the real path in. */
    public static final String NODE_DIRECTORY = "${streamplane.node.dir}";

    public NodeLaunchSpec {
        properties = Map.copyOf(properties);
        exporters = Set.copyOf(exporters);
        files = Map.copyOf(files);
    }

    /** How a property's value names the file {@code name} of {@link #files()}. */
    public static String filePath(String name) {
        return NODE_DIRECTORY + "/" + name;
    }

    public NodeLaunchSpec withProperties(Map<String, String> newProperties) {
        return new NodeLaunchSpec(clusterUuid, kafkaClusterId, nodeId, role, host, release, newProperties,
                heapMegabytes, exporters, files);
    }
}

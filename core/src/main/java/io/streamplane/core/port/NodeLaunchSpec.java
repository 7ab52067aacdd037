package io.streamplane.core.port;

import io.streamplane.core.cluster.NodeRole;

import java.util.Map;

/**
 * Everything the runtime needs to lay out and start one Kafka node.
 *
 * @param clusterUuid  names the cluster's directory
 * @param properties   the node's Kafka configuration, without paths (the runtime adds log.dirs)
 * @param heapMegabytes maximum JVM heap for the node
 */
public record NodeLaunchSpec(
        String clusterUuid,
        String kafkaClusterId,
        int nodeId,
        NodeRole role,
        KafkaRelease release,
        Map<String, String> properties,
        int heapMegabytes) {

    public NodeLaunchSpec {
        properties = Map.copyOf(properties);
    }
}

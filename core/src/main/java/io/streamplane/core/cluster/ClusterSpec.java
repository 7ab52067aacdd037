package io.streamplane.core.cluster;

import java.util.List;

/**
 * The desired shape of a provisioned cluster, as the user asked for it.
 *
 * @param kafkaVersion the MSK version string, e.g. {@code 4.1.x.kraft}
 */
public record ClusterSpec(
        String instanceType,
        List<String> clientSubnets,
        List<String> securityGroups,
        int volumeSizeGiB,
        String kafkaVersion,
        int numberOfBrokerNodes,
        String storageMode,
        String enhancedMonitoring) {

    public ClusterSpec {
        clientSubnets = List.copyOf(clientSubnets);
        securityGroups = List.copyOf(securityGroups);
    }
}

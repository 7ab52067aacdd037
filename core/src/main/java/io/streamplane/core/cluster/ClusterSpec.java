package io.streamplane.core.cluster;

import io.streamplane.core.configuration.ConfigurationRef;
import io.streamplane.core.security.ClusterSecurity;

import java.util.List;
import java.util.Optional;

/**
 * The desired shape of a provisioned cluster, as the user asked for it.
 *
 * @param kafkaVersion       the MSK version string, e.g. {@code 4.1.x.kraft}
 * @param enhancedMonitoring MSK's metrics level (DEFAULT, PER_BROKER, ...), recorded and reported
 * @param configuration      the custom configuration the brokers run with, if any (else MSK's defaults)
 * @param openMonitoring     the Prometheus exporters the brokers run
 * @param rebalancing        ACTIVE when partitions are kept balanced over the brokers, else PAUSED
 * @param security           encryption in transit and client authentication
 * @param recorded           what is kept as asked for although it has no effect here
 */
public record ClusterSpec(
        String instanceType,
        List<String> clientSubnets,
        List<String> securityGroups,
        int volumeSizeGiB,
        String kafkaVersion,
        int numberOfBrokerNodes,
        String storageMode,
        String enhancedMonitoring,
        Optional<ConfigurationRef> configuration,
        OpenMonitoring openMonitoring,
        String rebalancing,
        ClusterSecurity security,
        RecordedSettings recorded) {

    public static final String REBALANCING_ACTIVE = "ACTIVE";
    public static final String REBALANCING_PAUSED = "PAUSED";

    public ClusterSpec {
        clientSubnets = List.copyOf(clientSubnets);
        securityGroups = List.copyOf(securityGroups);
        // Specs stored before open monitoring existed have none.
        openMonitoring = openMonitoring == null ? OpenMonitoring.OFF : openMonitoring;
        rebalancing = rebalancing == null ? REBALANCING_PAUSED : rebalancing;
        // Specs stored before encryption existed ran plaintext only.
        security = security == null ? ClusterSecurity.PLAINTEXT_ONLY : security;
        recorded = recorded == null ? RecordedSettings.NONE : recorded;
    }

    public ClusterSpec withConfiguration(Optional<ConfigurationRef> newConfiguration) {
        return new ClusterSpec(instanceType, clientSubnets, securityGroups, volumeSizeGiB, kafkaVersion,
                numberOfBrokerNodes, storageMode, enhancedMonitoring, newConfiguration, openMonitoring, rebalancing, security, recorded);
    }

    public ClusterSpec withInstanceType(String type) {
        return new ClusterSpec(type, clientSubnets, securityGroups, volumeSizeGiB, kafkaVersion,
                numberOfBrokerNodes, storageMode, enhancedMonitoring, configuration, openMonitoring, rebalancing, security, recorded);
    }

    public ClusterSpec withKafkaVersion(String version) {
        return new ClusterSpec(instanceType, clientSubnets, securityGroups, volumeSizeGiB, version,
                numberOfBrokerNodes, storageMode, enhancedMonitoring, configuration, openMonitoring, rebalancing, security, recorded);
    }

    public ClusterSpec withVolumeSizeGiB(int gib) {
        return new ClusterSpec(instanceType, clientSubnets, securityGroups, gib, kafkaVersion,
                numberOfBrokerNodes, storageMode, enhancedMonitoring, configuration, openMonitoring, rebalancing, security, recorded);
    }

    public ClusterSpec withNumberOfBrokerNodes(int brokers) {
        return new ClusterSpec(instanceType, clientSubnets, securityGroups, volumeSizeGiB, kafkaVersion,
                brokers, storageMode, enhancedMonitoring, configuration, openMonitoring, rebalancing, security, recorded);
    }

    public ClusterSpec withRebalancing(String status) {
        return new ClusterSpec(instanceType, clientSubnets, securityGroups, volumeSizeGiB, kafkaVersion,
                numberOfBrokerNodes, storageMode, enhancedMonitoring, configuration, openMonitoring, status, security, recorded);
    }

    public ClusterSpec withRecorded(RecordedSettings newRecorded) {
        return new ClusterSpec(instanceType, clientSubnets, securityGroups, volumeSizeGiB, kafkaVersion,
                numberOfBrokerNodes, storageMode, enhancedMonitoring, configuration, openMonitoring, rebalancing, security,
                newRecorded);
    }

    public boolean rebalancingActive() {
        return REBALANCING_ACTIVE.equals(rebalancing);
    }

    public ClusterSpec withMonitoring(String enhanced, OpenMonitoring open) {
        return new ClusterSpec(instanceType, clientSubnets, securityGroups, volumeSizeGiB, kafkaVersion,
                numberOfBrokerNodes, storageMode, enhanced, configuration, open, rebalancing, security, recorded);
    }

    public ClusterSpec withSecurity(ClusterSecurity newSecurity) {
        return new ClusterSpec(instanceType, clientSubnets, securityGroups, volumeSizeGiB, kafkaVersion,
                numberOfBrokerNodes, storageMode, enhancedMonitoring, configuration, openMonitoring, rebalancing,
                newSecurity, recorded);
    }
}

package io.streamplane.core.cluster;

import java.time.Instant;
import java.util.Optional;

/**
 * A provisioned Kafka cluster as the control plane knows it.
 *
 * @param uuid          the UUID part of the ARN, also the name of the cluster's directory
 * @param networkSlot   which block of node addresses the runtime gave the cluster
 * @param kafkaClusterId Kafka's own cluster id, written into every node's storage
 */
public record Cluster(
        String arn,
        String name,
        String uuid,
        ClusterState state,
        Optional<StateInfo> stateInfo,
        Instant creationTime,
        String currentVersion,
        ClusterSpec spec,
        Optional<String> activeOperationArn,
        int networkSlot,
        String kafkaClusterId) {

    /** Whether the cluster's spec names the configuration, at any revision. */
    public boolean usesConfiguration(String configurationArn) {
        return spec.configuration().map(ref -> ref.arn().equals(configurationArn)).orElse(false);
    }

    public Cluster withState(ClusterState newState, Optional<StateInfo> info) {
        return new Cluster(arn, name, uuid, newState, info, creationTime, currentVersion, spec,
                activeOperationArn, networkSlot, kafkaClusterId);
    }

    /** ACTIVE, with no reason shown and no operation running: where every finished change leaves a cluster. */
    public Cluster settled() {
        return withState(ClusterState.ACTIVE, Optional.empty()).withActiveOperation(Optional.empty());
    }

    public Cluster withActiveOperation(Optional<String> operationArn) {
        return new Cluster(arn, name, uuid, state, stateInfo, creationTime, currentVersion, spec,
                operationArn, networkSlot, kafkaClusterId);
    }

    public Cluster withSpec(ClusterSpec newSpec) {
        return new Cluster(arn, name, uuid, state, stateInfo, creationTime, currentVersion, newSpec,
                activeOperationArn, networkSlot, kafkaClusterId);
    }

    /** The same cluster under Kafka's own id as its nodes know it (a ZooKeeper cluster's is made by its first broker). */
    public Cluster withKafkaClusterId(String id) {
        return new Cluster(arn, name, uuid, state, stateInfo, creationTime, currentVersion, spec,
                activeOperationArn, networkSlot, id);
    }

    public Cluster withCurrentVersion(String version) {
        return new Cluster(arn, name, uuid, state, stateInfo, creationTime, version, spec,
                activeOperationArn, networkSlot, kafkaClusterId);
    }
}

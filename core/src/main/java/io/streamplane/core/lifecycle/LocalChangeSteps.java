package io.streamplane.core.lifecycle;

import io.streamplane.core.backend.ChangeSteps;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.configuration.ConfigurationChange;
import io.streamplane.core.node.NodeRole;
import io.streamplane.core.operation.Step;
import io.streamplane.core.rolling.ClusterChangePlan;
import io.streamplane.core.scaling.BrokerCountPlan;

import java.util.List;

/** The steps of changes on this machine: node by node, each broker restart a step of its own. */
final class LocalChangeSteps implements ChangeSteps {
    private final ClusterStore store;

    LocalChangeSteps(ClusterStore store) {
        this.store = store;
    }

    @Override
    public List<? extends Step<?>> creation() {
        return CreateClusterPlan.STEPS;
    }

    @Override
    public List<? extends Step<?>> deletion() {
        return DeleteClusterPlan.STEPS;
    }

    @Override
    public List<? extends Step<?>> configuration(Cluster cluster, ConfigurationChange change) {
        return ClusterChangePlan.configurationSteps(change, brokerIds(cluster));
    }

    @Override
    public List<? extends Step<?>> kafkaVersion(Cluster cluster, ConfigurationChange change) {
        boolean zookeeper = store.nodes(cluster.arn()).stream().anyMatch(n -> n.role() == NodeRole.ZOOKEEPER);
        return zookeeper ? ClusterChangePlan.zookeeperKafkaVersionSteps(change, brokerIds(cluster))
                : ClusterChangePlan.kafkaVersionSteps(change, brokerIds(cluster));
    }

    @Override
    public List<? extends Step<?>> brokerType(Cluster cluster) {
        return ClusterChangePlan.brokerTypeSteps(brokerIds(cluster));
    }

    @Override
    public List<? extends Step<?>> monitoring(Cluster cluster, boolean exportersChange) {
        return ClusterChangePlan.monitoringSteps(exportersChange, brokerIds(cluster));
    }

    @Override
    public List<? extends Step<?>> recordedSettings(Cluster cluster) {
        return ClusterChangePlan.configurationOnlySteps();
    }

    @Override
    public List<? extends Step<?>> security(Cluster cluster) {
        return ClusterChangePlan.brokerTypeSteps(brokerIds(cluster));
    }

    @Override
    public List<? extends Step<?>> reboot(Cluster cluster, int brokerId) {
        return ClusterChangePlan.rebootSteps(List.of(brokerId));
    }

    @Override
    public List<? extends Step<?>> brokerCount(Cluster cluster, int targetBrokers) {
        return BrokerCountPlan.steps(cluster.spec().numberOfBrokerNodes(), targetBrokers);
    }

    private List<Integer> brokerIds(Cluster cluster) {
        return store.nodes(cluster.arn()).stream().filter(ClusterNode::isBroker).map(ClusterNode::nodeId).toList();
    }
}

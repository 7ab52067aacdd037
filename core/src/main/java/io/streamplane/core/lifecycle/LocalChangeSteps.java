package io.streamplane.core.lifecycle;

import io.streamplane.core.backend.ChangeSteps;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.configuration.ConfigurationChange;
import io.streamplane.core.node.NodeRole;
import io.streamplane.core.operation.Step;
import io.streamplane.core.rolling.ClusterChangePlan;
import io.streamplane.core.rolling.RollOrder;
import io.streamplane.core.scaling.BrokerCountPlan;
import io.streamplane.core.scaling.ControllerBrokers;

import java.util.List;
import java.util.OptionalInt;

/**
 * The steps of changes on this machine: node by node, each broker restart a step of its own, by
 * id, except that a ZooKeeper cluster's controller goes last: each restart of it moves the
 * controller, which a roll should do once rather than again for every broker that takes it over.
 */
final class LocalChangeSteps implements ChangeSteps {
    private final ClusterStore store;
    private final ControllerBrokers controllerBrokers;

    LocalChangeSteps(ClusterStore store, ControllerBrokers controllerBrokers) {
        this.store = store;
        this.controllerBrokers = controllerBrokers;
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
        return zookeeper(cluster) ? ClusterChangePlan.zookeeperKafkaVersionSteps(change, brokerIds(cluster))
                : ClusterChangePlan.kafkaVersionSteps(change, brokerIds(cluster));
    }

    @Override
    public List<? extends Step<?>> kraftMigration(Cluster cluster) {
        return ClusterChangePlan.kraftMigrationSteps(brokerIds(cluster));
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

    /** The brokers in the order a roll restarts them. */
    private List<Integer> brokerIds(Cluster cluster) {
        var nodes = store.nodes(cluster.arn());
        var ids = nodes.stream().filter(ClusterNode::isBroker).map(ClusterNode::nodeId).toList();
        boolean zookeeper = nodes.stream().anyMatch(n -> n.role() == NodeRole.ZOOKEEPER);
        return RollOrder.brokers(ids, zookeeper ? controllerBrokers.lastKnown(cluster.arn()) : OptionalInt.empty());
    }

    private boolean zookeeper(Cluster cluster) {
        return store.nodes(cluster.arn()).stream().anyMatch(n -> n.role() == NodeRole.ZOOKEEPER);
    }
}

package io.streamplane.core.lifecycle;

import io.streamplane.core.health.HealingPlan;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.ClusterOutcome;
import io.streamplane.core.operation.OperationPlan;
import io.streamplane.core.operation.OperationType;
import io.streamplane.core.operation.PlanCatalog;
import io.streamplane.core.rolling.ClusterChangePlan;
import io.streamplane.core.scaling.BrokerCountPlan;

/**
 * The plan of every cluster operation type. The switch has no default: a new operation type does
 * not compile until it names the plan that runs it.
 */
public record ClusterPlans(CreateClusterPlan creation, DeleteClusterPlan deletion, ClusterChangePlan changes,
                           BrokerCountPlan brokerCount, HealingPlan healing)
        implements PlanCatalog<ClusterOperation, ClusterOutcome> {

    @Override
    public OperationPlan<?, ClusterOperation, ClusterOutcome> planFor(ClusterOperation operation) {
        return planFor(operation.type());
    }

    public OperationPlan<?, ClusterOperation, ClusterOutcome> planFor(OperationType type) {
        return switch (type) {
            case CREATE_CLUSTER -> creation;
            case DELETE_CLUSTER -> deletion;
            case UPDATE_CLUSTER_CONFIGURATION, REBOOT_NODE, UPDATE_BROKER_TYPE, UPDATE_CLUSTER_KAFKA_VERSION,
                 UPDATE_MONITORING, UPDATE_BROKER_STORAGE, UPDATE_REBALANCING, UPDATE_SECURITY,
                 UPDATE_CONNECTIVITY -> changes;
            case UPDATE_BROKER_COUNT, REBALANCE_PARTITIONS -> brokerCount;
            case HEAL_CLUSTER -> healing;
        };
    }
}

package io.streamplane.core.lifecycle;

import io.streamplane.core.configuration.ConfigurationChange;
import io.streamplane.core.health.HealingPlan;
import io.streamplane.core.operation.OperationPlan;
import io.streamplane.core.operation.OperationType;
import io.streamplane.core.operation.Step;
import io.streamplane.core.operation.StepKind;
import io.streamplane.core.rolling.ClusterChangePlan;
import io.streamplane.core.scaling.BrokerCountPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation type's steps, as the services build them, are read back as the same typed steps
 * by the plan the catalog runs that type with: what is opened is what runs after a restart.
 */
class ClusterPlansTest {
    // The plans are only asked for their step kinds here, so they need none of their collaborators.
    private final ClusterPlans plans = new ClusterPlans(new CreateClusterPlan(null, null, Duration.ZERO),
            new DeleteClusterPlan(null, null), new ClusterChangePlan(null, null, null, null, null),
            new BrokerCountPlan(null, null, null, Duration.ZERO), new HealingPlan(null, null, null, Duration.ZERO));

    @Test
    void everyOperationType_readsBackTheStepsItIsOpenedWith() {
        var brokers = List.of(3, 1, 2);
        var restarting = new ConfigurationChange(Map.of("log.retention.ms", "1"), Set.of(), Set.of("num.partitions"));
        Map<OperationType, List<? extends Step<?>>> opened = new EnumMap<>(OperationType.class);
        opened.put(OperationType.CREATE_CLUSTER, CreateClusterPlan.STEPS);
        opened.put(OperationType.DELETE_CLUSTER, DeleteClusterPlan.STEPS);
        opened.put(OperationType.UPDATE_CLUSTER_CONFIGURATION, ClusterChangePlan.configurationSteps(restarting, brokers));
        opened.put(OperationType.REBOOT_NODE, ClusterChangePlan.rebootSteps(List.of(2)));
        opened.put(OperationType.UPDATE_BROKER_TYPE, ClusterChangePlan.brokerTypeSteps(brokers));
        opened.put(OperationType.UPDATE_CLUSTER_KAFKA_VERSION, ClusterChangePlan.kafkaVersionSteps(restarting, brokers));
        var zookeeperUpgrade = ClusterChangePlan.zookeeperKafkaVersionSteps(restarting, brokers);
        opened.put(OperationType.UPDATE_MONITORING, ClusterChangePlan.monitoringSteps(true, brokers));
        opened.put(OperationType.UPDATE_BROKER_STORAGE, ClusterChangePlan.configurationOnlySteps());
        opened.put(OperationType.UPDATE_REBALANCING, ClusterChangePlan.configurationOnlySteps());
        opened.put(OperationType.UPDATE_SECURITY, ClusterChangePlan.brokerTypeSteps(brokers));
        opened.put(OperationType.UPDATE_CONNECTIVITY, ClusterChangePlan.configurationOnlySteps());
        opened.put(OperationType.UPDATE_BROKER_COUNT, BrokerCountPlan.steps(6, 3));
        opened.put(OperationType.REBALANCE_PARTITIONS, BrokerCountPlan.rebalancingSteps());
        opened.put(OperationType.HEAL_CLUSTER, HealingPlan.steps(List.of(3001, 2)));
        assertThat(opened.keySet()).containsExactlyInAnyOrder(OperationType.values());

        opened.forEach((type, steps) -> {
            for (var step : steps) {
                assertThat(readBack(plans.planFor(type), step.name())).as(type + " " + step.name()).isEqualTo(step);
            }
        });
        for (var step : zookeeperUpgrade) {
            assertThat(readBack(plans.planFor(OperationType.UPDATE_CLUSTER_KAFKA_VERSION), step.name()))
                    .as("a ZooKeeper cluster's upgrade " + step.name()).isEqualTo(step);
        }
    }

    private static <K extends Enum<K> & StepKind> Step<K> readBack(OperationPlan<K, ?, ?> plan, String name) {
        return Step.parse(plan.stepKinds(), name);
    }

    @Test
    void stepNames_areTheOnesOperationsHaveAlwaysShown() {
        var noConfigurationChange = new ConfigurationChange(Map.of(), Set.of(), Set.of());
        assertThat(ClusterChangePlan.kafkaVersionSteps(noConfigurationChange, List.of(1, 2)).stream().map(Step::name))
                .containsExactly("INSTALL_KAFKA_RELEASE", "WRITE_NODE_CONFIGURATION", "RESTART_CONTROLLERS",
                        "RESTART_BROKER_1", "RESTART_BROKER_2", "FINALIZE_METADATA_VERSION");
        assertThat(ClusterChangePlan.zookeeperKafkaVersionSteps(noConfigurationChange, List.of(2, 1)).stream()
                .map(Step::name)).as("brokers in the roll order given: here broker 1 is the controller")
                .containsExactly("INSTALL_KAFKA_RELEASE", "WRITE_NODE_CONFIGURATION", "RESTART_BROKER_2",
                        "RESTART_BROKER_1", "RAISE_INTER_BROKER_PROTOCOL_VERSION", "RESTART_BROKER_ON_NEW_PROTOCOL_2",
                        "RESTART_BROKER_ON_NEW_PROTOCOL_1");
        assertThat(BrokerCountPlan.steps(6, 3).stream().map(Step::name)).containsExactly("REBALANCE_PARTITIONS",
                "REMOVE_BROKER_6", "REMOVE_BROKER_5", "REMOVE_BROKER_4", "WRITE_NODE_CONFIGURATION");
        assertThat(BrokerCountPlan.steps(3, 6).stream().map(Step::name))
                .containsExactly("ADD_BROKERS", "REBALANCE_PARTITIONS");
        assertThat(HealingPlan.steps(List.of(3001, 2)).stream().map(Step::name))
                .containsExactly("RESTORE_NODE_3001", "RESTORE_NODE_2", "AWAIT_IN_SYNC");
        assertThat(CreateClusterPlan.STEPS.stream().map(Step::name)).containsExactly("PREPARE_NODES",
                "START_CONTROLLERS", "START_BROKERS", "AWAIT_BROKER_REGISTRATION");
        assertThat(DeleteClusterPlan.STEPS.stream().map(Step::name))
                .containsExactly("STOP_BROKERS", "STOP_CONTROLLERS", "DELETE_NODE_FILES");
    }
}

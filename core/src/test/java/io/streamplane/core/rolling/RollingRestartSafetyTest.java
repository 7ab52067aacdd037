package io.streamplane.core.rolling;

import io.streamplane.core.kafka.PartitionState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class RollingRestartSafetyTest {

    @Test
    void whyUnsafeToStop_allowsStoppingOneOfThreeInSyncReplicasWithMinTwo() {
        var partitions = List.of(partition("orders", 0, List.of(1, 2, 3), List.of(1, 2, 3), 2));

        assertThat(RollingRestartSafety.whyUnsafeToStop(1, partitions)).isEmpty();
    }

    @Test
    void whyUnsafeToStop_refusesWhenTheBrokerIsOneOfOnlyMinInSyncReplicas() {
        var partitions = List.of(
                partition("orders", 0, List.of(1, 2, 3), List.of(1, 2, 3), 2),
                partition("orders", 1, List.of(1, 2, 3), List.of(1, 2), 2));

        assertThat(RollingRestartSafety.whyUnsafeToStop(2, partitions)).hasValueSatisfying(why -> assertThat(why)
                .isEqualTo("stopping broker 2 would leave orders-1 with 1 in-sync replica(s), below its "
                        + "min.insync.replicas of 2"));
    }

    @Test
    void whyUnsafeToStop_ignoresPartitionsTheBrokerIsNotInSyncFor() {
        var partitions = List.of(partition("orders", 1, List.of(1, 2, 3), List.of(1, 2), 2));

        assertThat(RollingRestartSafety.whyUnsafeToStop(3, partitions)).isEmpty();
    }

    @Test
    void whyUnsafeToStop_refusesToTakeTheOnlyReplicaOffline() {
        var partitions = List.of(partition("single", 0, List.of(2), List.of(2), 1));

        assertThat(RollingRestartSafety.whyUnsafeToStop(2, partitions)).isPresent();
    }

    @Test
    void fullyReplicated_isFalseWhileAnyReplicaIsOutOfSync() {
        assertThat(PartitionState.fullyReplicated(List.of(
                partition("a", 0, List.of(1, 2, 3), List.of(1, 2, 3), 2)))).isTrue();
        assertThat(PartitionState.fullyReplicated(List.of(
                partition("a", 0, List.of(1, 2, 3), List.of(1, 2, 3), 2),
                partition("a", 1, List.of(1, 2, 3), List.of(1, 3), 2)))).isFalse();
    }

    @Test
    void controllers_restartWithTheActiveOneLast() {
        assertThat(RollOrder.controllers(List.of(3003, 3001, 3002), 3001)).containsExactly(3002, 3003, 3001);
    }

    @Test
    void brokers_goById_withAZooKeeperClustersControllerLast() {
        assertThat(RollOrder.brokers(List.of(3, 1, 2), OptionalInt.of(1))).containsExactly(2, 3, 1);
        assertThat(RollOrder.brokers(List.of(3, 1, 2), OptionalInt.empty())).containsExactly(1, 2, 3);
        assertThat(RollOrder.brokers(List.of(3, 1, 2), OptionalInt.of(3001))).as("a KRaft controller is no broker")
                .containsExactly(1, 2, 3);
    }

    private static PartitionState partition(String topic, int id, List<Integer> replicas, List<Integer> isr, int min) {
        return new PartitionState(topic, id, replicas, isr, min);
    }
}

package io.streamplane.core.kafka;

import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partition under reassignment counts by its target replicas: counting the old and the new ones
 * that Kafka lists together during a move would refuse a scale-in that the cluster can hold.
 */
class TargetReplicationFactorTest {
    @Test
    void aPartitionNotMoving_countsEveryReplica() {
        assertThat(ClusterAdmin.targetReplicationFactor(partition(1, 2, 3), null)).isEqualTo(3);
    }

    @Test
    void aPartitionMovingOntoThreeOtherBrokers_countsThree_notTheSixListedMeanwhile() {
        var move = new PartitionReassignment(List.of(1, 2, 3, 4, 5, 6), List.of(4, 5, 6), List.of(1, 2, 3));
        assertThat(ClusterAdmin.targetReplicationFactor(partition(1, 2, 3, 4, 5, 6), move)).isEqualTo(3);
    }

    @Test
    void aPartitionGainingAReplica_countsTheNewOne() {
        var move = new PartitionReassignment(List.of(1, 2, 3), List.of(3), List.of());
        assertThat(ClusterAdmin.targetReplicationFactor(partition(1, 2, 3), move)).isEqualTo(3);
    }

    @Test
    void aPartitionReadBeforeItsMoveBegan_countsItsTarget() {
        var move = new PartitionReassignment(List.of(1, 2, 3, 4, 5, 6), List.of(4, 5, 6), List.of(1, 2, 3));
        assertThat(ClusterAdmin.targetReplicationFactor(partition(1, 2, 3), move)).isEqualTo(3);
    }

    @Test
    void aPartitionReadAfterItsMoveEnded_countsItsTarget() {
        var move = new PartitionReassignment(List.of(1, 2, 3, 4, 5, 6), List.of(4, 5, 6), List.of(1, 2, 3));
        assertThat(ClusterAdmin.targetReplicationFactor(partition(4, 5, 6), move)).isEqualTo(3);
    }

    private static TopicPartitionInfo partition(int... brokers) {
        var replicas = IntStream.of(brokers).mapToObj(id -> new Node(id, "127.0.0.1", 9092 + id)).toList();
        return new TopicPartitionInfo(0, replicas.get(0), replicas, replicas);
    }
}

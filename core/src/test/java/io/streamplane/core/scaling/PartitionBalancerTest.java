package io.streamplane.core.scaling;

import io.streamplane.core.kafka.PartitionState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionBalancerTest {
    /** Brokers 1..n round-robin over zones a, b, c, as clusters place them. */
    private static Map<Integer, String> brokers(int count) {
        var racks = new HashMap<Integer, String>();
        for (int id = 1; id <= count; id++) {
            racks.put(id, "az" + ((id - 1) % 3 + 1));
        }
        return racks;
    }

    /** What a 3-broker cluster holds: replication factor 3, leaders spread, one replica per zone. */
    private static List<PartitionState> onThreeBrokers(int partitions) {
        var states = new ArrayList<PartitionState>();
        for (int p = 0; p < partitions; p++) {
            var replicas = List.of(p % 3 + 1, (p + 1) % 3 + 1, (p + 2) % 3 + 1);
            states.add(new PartitionState("orders", p, replicas, replicas, 2));
        }
        return states;
    }

    @Test
    void scalingOutFromThreeToSix_spreadsReplicasAndLeadersEvenly_keepingEveryPartitionAcrossZones() {
        var partitions = onThreeBrokers(12);
        var racks = brokers(6);

        var after = apply(partitions, PartitionBalancer.balance(partitions, racks));

        var replicaCounts = count(after.values().stream().flatMap(List::stream).toList());
        assertThat(replicaCounts.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        assertThat(replicaCounts.values()).allSatisfy(c -> assertThat(c).isEqualTo(6));
        var leaderCounts = count(after.values().stream().map(r -> r.get(0)).toList());
        assertThat(leaderCounts.values()).allSatisfy(c -> assertThat(c).isEqualTo(2));
        assertThat(after.values()).allSatisfy(r -> {
            assertThat(r).doesNotHaveDuplicates().hasSize(3);
            assertThat(r.stream().map(racks::get).collect(Collectors.toSet())).hasSize(3);
        });
    }

    @Test
    void scalingOut_movesOnlyWhatBalanceNeeds() {
        var partitions = onThreeBrokers(12);

        var changes = PartitionBalancer.balance(partitions, brokers(6));

        long moved = changes.entrySet().stream().mapToLong(e -> {
            var before = new HashSet<>(partitions.stream().filter(p -> p.name().equals(e.getKey())).findFirst()
                    .orElseThrow().replicas());
            return e.getValue().stream().filter(b -> !before.contains(b)).count();
        }).sum();
        assertThat(moved).as("half of the 36 replicas move to the 3 new brokers").isEqualTo(18);
    }

    @Test
    void scalingIn_leavesNothingOnTheRemovedBrokers() {
        var partitions = apply(onThreeBrokers(12), PartitionBalancer.balance(onThreeBrokers(12), brokers(6)))
                .entrySet().stream().map(e -> new PartitionState("orders",
                        Integer.parseInt(e.getKey().substring("orders-".length())), e.getValue(), e.getValue(), 2))
                .toList();
        var racks = brokers(3);

        var after = apply(partitions, PartitionBalancer.balance(partitions, racks));

        assertThat(after.values()).allSatisfy(r -> assertThat(r).containsExactlyInAnyOrder(1, 2, 3));
        assertThat(count(after.values().stream().map(r -> r.get(0)).toList()).values())
                .allSatisfy(c -> assertThat(c).isEqualTo(4));
    }

    @Test
    void aBalancedCluster_isLeftAsItIs() {
        assertThat(PartitionBalancer.balance(onThreeBrokers(12), brokers(3))).isEmpty();
    }

    @Test
    void tooFewBrokersForTheReplicationFactor_isRefused() {
        assertThatThrownBy(() -> PartitionBalancer.balance(onThreeBrokers(3), brokers(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A topic has a replication factor of 3, which 2 brokers cannot hold");
    }

    private static Map<String, List<Integer>> apply(List<PartitionState> partitions,
                                                    Map<String, List<Integer>> changes) {
        var result = new HashMap<String, List<Integer>>();
        partitions.forEach(p -> result.put(p.name(), changes.getOrDefault(p.name(), p.replicas())));
        return result;
    }

    private static Map<Integer, Long> count(List<Integer> brokers) {
        return brokers.stream().collect(Collectors.groupingBy(b -> b, Collectors.counting()));
    }
}

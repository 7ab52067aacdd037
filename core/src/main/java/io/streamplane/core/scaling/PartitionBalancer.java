package io.streamplane.core.scaling;

import io.streamplane.core.kafka.PartitionState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides where every replica should live on a new set of brokers: no replica on a broker being
 * removed, replica counts within one of each other, preferred leaders (first replicas) spread the
 * same way, and each partition's replicas in as many different racks (zones) as before. Moves as
 * few replicas as it can: a replica only moves off a broker that must lose it or has too many.
 * Pure: the caller reads the partitions and carries out the answer.
 */
public final class PartitionBalancer {
    private PartitionBalancer() {
    }

    /**
     * @param partitions every partition of the cluster with its current replicas
     * @param rackOf     the brokers that are to hold replicas, each with its rack
     * @return the new replica list of each partition whose list changes (order included)
     */
    public static Map<String, List<Integer>> balance(List<PartitionState> partitions, Map<Integer, String> rackOf) {
        var assignment = new LinkedHashMap<String, List<Integer>>();
        partitions.forEach(p -> assignment.put(p.name(), new ArrayList<>(p.replicas())));
        evictFromRemovedBrokers(assignment, rackOf);
        balanceReplicaCounts(assignment, rackOf);
        balancePreferredLeaders(assignment, rackOf.keySet());
        var original = partitions.stream().collect(Collectors.toMap(PartitionState::name, PartitionState::replicas));
        var changed = new LinkedHashMap<String, List<Integer>>();
        assignment.forEach((name, replicas) -> {
            if (!replicas.equals(original.get(name))) {
                changed.put(name, List.copyOf(replicas));
            }
        });
        return changed;
    }

    private static void evictFromRemovedBrokers(Map<String, List<Integer>> assignment, Map<Integer, String> rackOf) {
        for (var replicas : assignment.values()) {
            for (int i = 0; i < replicas.size(); i++) {
                int broker = replicas.get(i);
                if (rackOf.containsKey(broker)) {
                    continue;
                }
                var loads = loads(assignment, rackOf.keySet());
                int position = i;
                var target = rackOf.keySet().stream()
                        .filter(b -> !replicas.contains(b))
                        .filter(b -> keepsRacksApart(replicas, position, b, rackOf))
                        .min(Comparator.comparingInt((Integer b) -> loads.get(b)).thenComparing(b -> b))
                        .or(() -> rackOf.keySet().stream().filter(b -> !replicas.contains(b))
                                .min(Comparator.comparingInt((Integer b) -> loads.get(b)).thenComparing(b -> b)))
                        .orElseThrow(() -> new IllegalArgumentException(ReplicationFactors.tooFewBrokers(
                                replicas.size(), rackOf.size())));
                replicas.set(i, target);
            }
        }
    }

    private static void balanceReplicaCounts(Map<String, List<Integer>> assignment, Map<Integer, String> rackOf) {
        int bound = assignment.values().stream().mapToInt(List::size).sum() + 1;
        for (int round = 0; round < bound; round++) {
            var loads = loads(assignment, rackOf.keySet());
            if (!moveOne(assignment, loads, rackOf)) {
                return;
            }
        }
    }

    /** Moves one replica from a fullest broker to an emptiest one it may go to; false when balanced. */
    private static boolean moveOne(Map<String, List<Integer>> assignment, Map<Integer, Integer> loads,
                                   Map<Integer, String> rackOf) {
        var fullestFirst = loads.keySet().stream()
                .sorted(Comparator.comparingInt((Integer b) -> -loads.get(b)).thenComparing(b -> b)).toList();
        var emptiestFirst = new ArrayList<>(fullestFirst);
        Collections.reverse(emptiestFirst);
        for (int from : fullestFirst) {
            for (int to : emptiestFirst) {
                if (loads.get(from) - loads.get(to) <= 1) {
                    break;
                }
                var move = assignment.values().stream()
                        .filter(r -> r.contains(from) && !r.contains(to))
                        .filter(r -> keepsRacksApart(r, r.indexOf(from), to, rackOf))
                        .findFirst();
                if (move.isPresent()) {
                    var replicas = move.get();
                    replicas.set(replicas.indexOf(from), to);
                    return true;
                }
            }
        }
        return false;
    }

    /** Reorders replica lists (no data moves) so that each broker is the preferred leader of its share. */
    private static void balancePreferredLeaders(Map<String, List<Integer>> assignment, Set<Integer> brokers) {
        int bound = assignment.size() + 1;
        for (int round = 0; round < bound; round++) {
            var leads = new HashMap<Integer, Integer>();
            brokers.forEach(b -> leads.put(b, 0));
            assignment.values().forEach(r -> leads.merge(r.get(0), 1, Integer::sum));
            var swap = bestLeaderSwap(assignment, leads);
            if (swap.isEmpty()) {
                return;
            }
            var replicas = swap.get().replicas();
            int newLeader = swap.get().newLeader();
            int position = replicas.indexOf(newLeader);
            replicas.set(position, replicas.get(0));
            replicas.set(0, newLeader);
        }
    }

    private static Optional<LeaderSwap> bestLeaderSwap(Map<String, List<Integer>> assignment,
                                                       Map<Integer, Integer> leads) {
        var mostFirst = leads.keySet().stream()
                .sorted(Comparator.comparingInt((Integer b) -> -leads.get(b)).thenComparing(b -> b)).toList();
        var leastFirst = new ArrayList<>(mostFirst);
        Collections.reverse(leastFirst);
        for (int from : mostFirst) {
            for (int to : leastFirst) {
                if (leads.get(from) - leads.get(to) <= 1) {
                    break;
                }
                var partition = assignment.values().stream()
                        .filter(r -> r.get(0) == from && r.contains(to)).findFirst();
                if (partition.isPresent()) {
                    return Optional.of(new LeaderSwap(partition.get(), to));
                }
            }
        }
        return Optional.empty();
    }

    private record LeaderSwap(List<Integer> replicas, int newLeader) {
    }

    /**
     * Whether putting {@code broker} in place of the replica at {@code position} keeps the partition's
     * replicas in different racks: the same rack as the replica it replaces, or one no other uses.
     */
    private static boolean keepsRacksApart(List<Integer> replicas, int position, int broker,
                                           Map<Integer, String> rackOf) {
        String rack = rackOf.get(broker);
        if (rack.equals(rackOf.get(replicas.get(position)))) {
            return true;
        }
        for (int i = 0; i < replicas.size(); i++) {
            if (i != position && rack.equals(rackOf.get(replicas.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static Map<Integer, Integer> loads(Map<String, List<Integer>> assignment, Set<Integer> brokers) {
        var loads = new HashMap<Integer, Integer>();
        brokers.forEach(b -> loads.put(b, 0));
        assignment.values().forEach(r -> r.forEach(b -> loads.computeIfPresent(b, (k, v) -> v + 1)));
        return loads;
    }
}

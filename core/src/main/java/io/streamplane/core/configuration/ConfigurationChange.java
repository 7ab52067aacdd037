package io.streamplane.core.configuration;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What moving a cluster from one set of custom properties to another takes: properties Kafka can
 * change cluster-wide at run time are applied live; any other change needs a rolling restart.
 *
 * @param dynamicUpdates  cluster-wide dynamic properties to set
 * @param dynamicRemovals cluster-wide dynamic properties to reset to the brokers' files
 * @param staticChanges   properties that take effect only when a node restarts
 */
public record ConfigurationChange(Map<String, String> dynamicUpdates, Set<String> dynamicRemovals,
                                  Set<String> staticChanges) {

    /**
     * Properties of MSK's customer-settable list that Kafka updates cluster-wide without a restart
     * ("Dynamic Update Mode: cluster-wide" in Kafka's broker configuration reference).
     */
    public static final Set<String> CLUSTER_WIDE_DYNAMIC = Set.of(
            "compression.type", "log.cleaner.delete.retention.ms", "log.cleaner.min.cleanable.ratio",
            "log.cleanup.policy", "log.flush.interval.messages", "log.flush.interval.ms",
            "log.message.timestamp.type", "log.retention.bytes", "log.retention.ms", "log.roll.ms",
            "log.segment.bytes", "message.max.bytes", "min.insync.replicas", "num.io.threads",
            "num.network.threads", "num.recovery.threads.per.data.dir", "num.replica.fetchers",
            "unclean.leader.election.enable");

    /**
     * Properties the KRaft controllers act on: topic defaults they apply at creation, and the ACL
     * default, since brokers forward topic, ACL and config changes to the controllers, which
     * authorize them again.
     */
    private static final Set<String> CONTROLLER_PROPERTIES = Set.of(
            "default.replication.factor", "num.partitions", "min.insync.replicas", "auto.create.topics.enable",
            "allow.everyone.if.no.acl.found");

    public static ConfigurationChange between(Map<String, String> from, Map<String, String> to) {
        var updates = new HashMap<String, String>();
        var removals = new HashSet<String>();
        var statics = new HashSet<String>();
        to.forEach((key, value) -> {
            if (!value.equals(from.get(key))) {
                if (CLUSTER_WIDE_DYNAMIC.contains(key)) {
                    updates.put(key, value);
                } else {
                    statics.add(key);
                }
            }
        });
        from.keySet().stream().filter(key -> !to.containsKey(key)).forEach(key -> {
            if (CLUSTER_WIDE_DYNAMIC.contains(key)) {
                removals.add(key);
            } else {
                statics.add(key);
            }
        });
        return new ConfigurationChange(Map.copyOf(updates), Set.copyOf(removals), Set.copyOf(statics));
    }

    public boolean hasDynamicChanges() {
        return !dynamicUpdates.isEmpty() || !dynamicRemovals.isEmpty();
    }

    public boolean needsBrokerRestart() {
        return !staticChanges.isEmpty();
    }

    public boolean needsControllerRestart() {
        return staticChanges.stream().anyMatch(CONTROLLER_PROPERTIES::contains);
    }
}

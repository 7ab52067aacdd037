package io.streamplane.core.kafka;

import io.streamplane.core.Poll;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.BrokerIdNotRegisteredException;
import org.apache.kafka.common.errors.ResourceNotFoundException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * An open Admin connection to one cluster, kept for the length of a change so that polling it (as a
 * rolling restart does several times a second) reuses the connection instead of opening new ones.
 */
public final class ClusterAdmin implements AutoCloseable {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final String METADATA_VERSION = "metadata.version";
    /** Kafka's minimum for SCRAM-SHA-512, which its own tools and MSK use. */
    private static final int SCRAM_ITERATIONS = 4096;
    private final Admin admin;

    ClusterAdmin(Admin admin) {
        this.admin = admin;
    }

    /** Every partition of every topic, internal ones included, with its effective min.insync.replicas. */
    public List<PartitionState> partitionStates() throws Exception {
        var topics = describeEveryTopic();
        if (topics.isEmpty()) {
            return List.of();
        }
        var resources = topics.keySet().stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        var configs = admin.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
        var states = new ArrayList<PartitionState>();
        topics.forEach((name, description) -> {
            var minIsr = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).get("min.insync.replicas");
            int min = minIsr == null ? 1 : Integer.parseInt(minIsr.value());
            description.partitions().forEach(p -> states.add(new PartitionState(name, p.partition(),
                    p.replicas().stream().map(Node::id).toList(), p.isr().stream().map(Node::id).toList(), min)));
        });
        return states;
    }

    /** Waits until no partition has a replica out of its ISR, i.e. every replica has caught up. */
    public void awaitFullyReplicated(String after, Duration timeout) throws TimeoutException, InterruptedException {
        Poll.until("every partition to be fully replicated " + after, timeout, POLL_INTERVAL, () -> {
            try {
                return PartitionState.fullyReplicated(partitionStates());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /**
     * Moves replicas to new broker lists and waits until every move is done. Replication traffic of
     * the moves is throttled meanwhile, so that client traffic keeps its share of the brokers.
     *
     * @param targets new replica lists by partition name ({@code topic-partition})
     */
    public void reassign(Map<String, List<Integer>> targets, Set<Integer> brokers, long throttleBytesPerSecond,
                         Duration timeout) throws Exception {
        if (targets.isEmpty()) {
            return;
        }
        var moves = new HashMap<TopicPartition, Optional<NewPartitionReassignment>>();
        targets.forEach((name, replicas) -> moves.put(topicPartition(name),
                Optional.of(new NewPartitionReassignment(replicas))));
        var topics = moves.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        throttle(brokers, topics, Long.toString(throttleBytesPerSecond), AlterConfigOp.OpType.SET);
        try {
            admin.alterPartitionReassignments(moves).all().get(30, TimeUnit.SECONDS);
            Poll.until("partition reassignments to finish", timeout, POLL_INTERVAL, () -> {
                try {
                    return admin.listPartitionReassignments().reassignments().get(10, TimeUnit.SECONDS).isEmpty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (ExecutionException | TimeoutException e) {
                    return false;
                }
            });
        } finally {
            throttle(brokers, topics, null, AlterConfigOp.OpType.DELETE);
        }
    }

    /** Hands every partition's leadership to its preferred (first) replica where it is not already. */
    public void electPreferredLeaders() throws Exception {
        // Partitions whose leader is already the preferred one answer ELECTION_NOT_NEEDED: not a failure.
        admin.electLeaders(ElectionType.PREFERRED, null).partitions().get(30, TimeUnit.SECONDS);
    }

    /** The highest replication factor of any topic: fewer brokers than this cannot hold the cluster. */
    public int maxReplicationFactor() throws Exception {
        // A move that begins or ends while the topics are read is in one of the two listings.
        var movingBefore = admin.listPartitionReassignments().reassignments().get(10, TimeUnit.SECONDS);
        var topics = describeEveryTopic();
        var moving = new HashMap<>(movingBefore);
        moving.putAll(admin.listPartitionReassignments().reassignments().get(10, TimeUnit.SECONDS));
        return topics.values().stream().flatMap(t -> t.partitions().stream().map(p ->
                        targetReplicationFactor(p, moving.get(new TopicPartition(t.name(), p.partition())))))
                .mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * A partition's replication factor once any move of it has ended: while replicas move, Kafka
     * lists the old and the new ones together, and the partition needs only its target, the
     * replicas with those being added and without those being removed. That holds whether the
     * partition was read before its move began, during it, or after it ended.
     *
     * @param reassignment the partition's move under way, or null when it is not moving
     */
    static int targetReplicationFactor(TopicPartitionInfo partition, PartitionReassignment reassignment) {
        if (reassignment == null) {
            return partition.replicas().size();
        }
        var target = new HashSet<Integer>();
        partition.replicas().forEach(node -> target.add(node.id()));
        target.addAll(reassignment.addingReplicas());
        target.removeAll(reassignment.removingReplicas());
        return target.size();
    }

    /** Every topic, internal ones included, by name. */
    private Map<String, TopicDescription> describeEveryTopic() throws Exception {
        var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS);
        if (names.isEmpty()) {
            return Map.of();
        }
        return admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
    }

    /** Removes a broker that has left for good from the cluster's metadata. */
    public void unregisterBroker(int brokerId) throws Exception {
        try {
            admin.unregisterBroker(brokerId).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof BrokerIdNotRegisteredException)) {
                throw e;
            }
        }
    }

    private void throttle(Set<Integer> brokers, Set<String> topics, String rate, AlterConfigOp.OpType op)
            throws Exception {
        var changes = new HashMap<ConfigResource, Collection<AlterConfigOp>>();
        for (int broker : brokers) {
            changes.put(new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(broker)), List.of(
                    new AlterConfigOp(new ConfigEntry("leader.replication.throttled.rate", rate), op),
                    new AlterConfigOp(new ConfigEntry("follower.replication.throttled.rate", rate), op)));
        }
        String replicas = rate == null ? null : "*";
        for (String topic : topics) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    new AlterConfigOp(new ConfigEntry("leader.replication.throttled.replicas", replicas), op),
                    new AlterConfigOp(new ConfigEntry("follower.replication.throttled.replicas", replicas), op)));
        }
        admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
    }

    private static TopicPartition topicPartition(String name) {
        int dash = name.lastIndexOf('-');
        return new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1)));
    }

    /**
     * The broker Kafka names as the controller: on a ZooKeeper cluster the broker that is its
     * controller; on a KRaft cluster, whose controllers clients do not reach, any broker.
     */
    public int controllerBroker() throws Exception {
        return admin.describeCluster().controller().get(10, TimeUnit.SECONDS).id();
    }

    /** Kafka's own id of the cluster, as its brokers know it. */
    public String clusterId() throws Exception {
        return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
    }

    /** The node id of the active KRaft controller (the quorum leader). */
    public int activeController() throws Exception {
        return admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
    }

    /**
     * Waits until the controller has caught up with the quorum leader since {@code sinceMillis}, or
     * {@code abandon} says to stop waiting (then it returns without having seen it caught up).
     */
    public void awaitControllerCaughtUp(int controllerId, long sinceMillis, Duration timeout, BooleanSupplier abandon)
            throws TimeoutException, InterruptedException {
        Poll.until("controller " + controllerId + " to catch up with the quorum", timeout, POLL_INTERVAL, () -> {
            if (abandon.getAsBoolean()) {
                return true;
            }
            try {
                var quorum = admin.describeMetadataQuorum().quorumInfo().get(2, TimeUnit.SECONDS);
                return quorum.voters().stream().anyMatch(v -> v.replicaId() == controllerId
                        && v.lastCaughtUpTimestamp().orElse(0) >= sinceMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                return false;
            }
        });
    }

    /** Sets and resets cluster-wide dynamic broker configuration, live. */
    public void alterClusterDefaults(Map<String, String> set, Set<String> reset) throws Exception {
        if (set.isEmpty() && reset.isEmpty()) {
            return;
        }
        var ops = new ArrayList<AlterConfigOp>();
        set.forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
        reset.forEach(k -> ops.add(new AlterConfigOp(new ConfigEntry(k, null), AlterConfigOp.OpType.DELETE)));
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.BROKER, ""), ops))
                .all().get(30, TimeUnit.SECONDS);
    }

    /**
     * Creates or replaces SASL/SCRAM-SHA-512 users. Kafka keeps them in the cluster metadata, so
     * brokers accept them at once, without a restart, and across restarts.
     */
    public void upsertScramUsers(Map<String, String> passwordsByUser) throws Exception {
        if (passwordsByUser.isEmpty()) {
            return;
        }
        var alterations = new ArrayList<UserScramCredentialAlteration>();
        passwordsByUser.forEach((user, password) -> alterations.add(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
        admin.alterUserScramCredentials(alterations).all().get(30, TimeUnit.SECONDS);
    }

    /** Removes SASL/SCRAM-SHA-512 users; their connections are refused from then on. */
    public void deleteScramUsers(Set<String> users) throws Exception {
        if (users.isEmpty()) {
            return;
        }
        var alterations = new ArrayList<UserScramCredentialAlteration>();
        users.forEach(user -> alterations.add(new UserScramCredentialDeletion(user, ScramMechanism.SCRAM_SHA_512)));
        try {
            admin.alterUserScramCredentials(alterations).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Already gone is what was asked for: a retried disassociation must succeed.
            if (!(e.getCause() instanceof ResourceNotFoundException)) {
                throw e;
            }
        }
    }

    /** The cluster's finalised metadata.version level and the highest level its nodes could run. */
    public MetadataVersionLevels metadataVersion() throws Exception {
        var features = admin.describeFeatures().featureMetadata().get(10, TimeUnit.SECONDS);
        var finalized = features.finalizedFeatures().get(METADATA_VERSION);
        var supported = features.supportedFeatures().get(METADATA_VERSION);
        return new MetadataVersionLevels(finalized == null ? 0 : finalized.maxVersionLevel(),
                supported == null ? 0 : supported.maxVersion());
    }

    /**
     * Raises metadata.version to the highest level the nodes support, once every node runs the new
     * release. The controllers accept it only when every registered node supports it, so a node that
     * is still re-registering is waited for rather than taken for a failure.
     */
    public void finalizeLatestMetadataVersion(Duration timeout) throws Exception {
        var lastError = new AtomicReference<String>("");
        try {
            Poll.until("metadata.version to be finalised", timeout, POLL_INTERVAL, () -> {
                try {
                    var levels = metadataVersion();
                    if (levels.finalized() >= levels.supported()) {
                        return true;
                    }
                    admin.updateFeatures(Map.of(METADATA_VERSION, new FeatureUpdate(levels.supported(),
                            FeatureUpdate.UpgradeType.UPGRADE)), new UpdateFeaturesOptions()).all()
                            .get(10, TimeUnit.SECONDS);
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (Exception e) {
                    lastError.set(String.valueOf(e.getMessage()));
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new IllegalStateException("The cluster did not accept the new metadata.version within "
                    + timeout.toSeconds() + " s: " + lastError.get(), e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}

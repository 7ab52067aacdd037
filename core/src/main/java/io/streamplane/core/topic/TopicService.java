package io.streamplane.core.topic;

import io.streamplane.core.Page;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.backend.ClusterBackend;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.kafka.KafkaClusterProbe;
import io.streamplane.core.kafka.PartitionLayout;
import io.streamplane.core.kafka.TopicAdmin;
import io.streamplane.core.kafka.TopicLayout;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * MSK's topic operations. Unlike every other request, these read and change the cluster itself,
 * live, through the Admin API: topics are Kafka's, not the control plane's, and a record of them
 * here could only fall behind what clients do with their own Admin clients.
 */
public final class TopicService {
    /** Kafka's own topics, which its clients need: listed and configurable, but not deleted. */
    private static final Set<String> PROTECTED = Set.of("__consumer_offsets", "__transaction_state");
    /** The states in which a cluster's brokers run and answer. */
    private static final Set<ClusterState> SERVING = EnumSet.of(ClusterState.ACTIVE, ClusterState.UPDATING,
            ClusterState.HEALING, ClusterState.REBOOTING_BROKER, ClusterState.MAINTENANCE);
    private final ClusterStore clusters;
    private final ClusterBackend backend;
    private final KafkaClusterProbe probe;
    private final ServiceIdentity identity;

    public TopicService(ClusterStore clusters, ClusterBackend backend, KafkaClusterProbe probe,
            ServiceIdentity identity) {
        this.clusters = clusters;
        this.backend = backend;
        this.probe = probe;
        this.identity = identity;
    }

    /**
     * The topics whose names start with {@code prefix}, in name order; a page ends after a name, so
     * the next one starts at the right place while topics come and go.
     */
    public Page<TopicSummary> list(String clusterArn, Optional<String> prefix, Optional<Integer> maxResults,
            Optional<String> nextToken) {
        var cluster = serving(clusterArn);
        return withAdmin(cluster, admin -> {
            var names = admin.names().stream().filter(n -> prefix.map(n::startsWith).orElse(true)).toList();
            var layouts = admin.describe(names).values().stream().sorted(Comparator.comparing(TopicLayout::name))
                    .map(layout -> new TopicSummary(arn(cluster, layout.name()), layout)).toList();
            return Page.after(layouts, s -> s.layout().name(), maxResults, nextToken);
        });
    }

    public TopicDetail describe(String clusterArn, String topicName) {
        var cluster = serving(clusterArn);
        return withAdmin(cluster, admin -> new TopicDetail(arn(cluster, topicName), admin.describe(topicName),
                admin.configs(topicName)));
    }

    public Page<PartitionLayout> partitions(String clusterArn, String topicName, Optional<Integer> maxResults,
            Optional<String> nextToken) {
        var cluster = serving(clusterArn);
        var layout = withAdmin(cluster, admin -> admin.describe(topicName));
        return Page.of(layout.partitions(), maxResults, nextToken);
    }

    public TopicChange create(String clusterArn, String topicName, int partitions, int replicationFactor,
            Map<String, String> configs) {
        var cluster = serving(clusterArn);
        return withAdmin(cluster, admin -> {
            boolean served = admin.create(topicName, partitions, replicationFactor, configs);
            return change(cluster, topicName, served ? TopicStatus.ACTIVE : TopicStatus.CREATING);
        });
    }

    /**
     * Changes what is given: {@code configs} is the topic's whole own configuration (a property the
     * topic set and {@code configs} leaves out goes back to the cluster's value, which is how the AWS
     * provider for Terraform clears them, sending {@code {}}), and {@code partitionCount} the total
     * it grows to.
     */
    public TopicChange update(String clusterArn, String topicName, Optional<Map<String, String>> configs,
            Optional<Integer> partitionCount) {
        if (configs.isEmpty() && partitionCount.isEmpty()) {
            throw new InvalidRequest("configs", "Give configs, partitionCount or both to update a topic");
        }
        var cluster = serving(clusterArn);
        return withAdmin(cluster, admin -> {
            var layout = admin.describe(topicName);
            configs.ifPresent(wanted -> {
                var reset = new HashSet<>(admin.configs(topicName).explicit());
                reset.removeAll(wanted.keySet());
                admin.alterConfigs(topicName, wanted, reset);
            });
            partitionCount.filter(count -> count != layout.partitions().size())
                    .ifPresent(count -> admin.increasePartitions(topicName, count));
            return change(cluster, topicName, admin.describe(topicName).settled() ? TopicStatus.ACTIVE
                    : TopicStatus.UPDATING);
        });
    }

    public TopicChange delete(String clusterArn, String topicName) {
        if (PROTECTED.contains(topicName)) {
            throw new InvalidRequest("topicName", "The topic " + topicName + " is Kafka's own: its consumers "
                    + "and transactions depend on it, so it cannot be deleted");
        }
        var cluster = serving(clusterArn);
        return withAdmin(cluster, admin -> {
            admin.delete(topicName);
            return change(cluster, topicName, TopicStatus.DELETING);
        });
    }

    private TopicChange change(Cluster cluster, String topicName, TopicStatus status) {
        return new TopicChange(arn(cluster, topicName), topicName, status);
    }

    private String arn(Cluster cluster, String topicName) {
        return identity.topicArn(cluster.name(), cluster.uuid(), topicName);
    }

    private Cluster serving(String clusterArn) {
        var cluster = clusters.findCluster(clusterArn)
                .orElseThrow(() -> new NotFound("The cluster " + clusterArn + " does not exist"));
        if (!SERVING.contains(cluster.state())) {
            throw new InvalidRequest("clusterArn", "The cluster " + cluster.name() + " is " + cluster.state()
                    + ": its topics can be reached while its brokers run (ACTIVE, UPDATING, HEALING...)");
        }
        return cluster;
    }

    private <T> T withAdmin(Cluster cluster, Function<TopicAdmin, T> call) {
        try (var admin = probe.topics(backend.adminBootstrap(cluster))) {
            return call.apply(admin);
        }
    }
}

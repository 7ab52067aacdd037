package io.streamplane.core.kafka;

import io.streamplane.core.Poll;
import org.apache.kafka.clients.admin.Admin;
import io.streamplane.core.rolling.PartitionState;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Observes a running cluster through Kafka's Admin API: which brokers are registered and serving. */
public final class KafkaClusterProbe {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    /** Waits until every expected broker is registered and unfenced, or {@code abandon} says to stop. */
    public void awaitBrokers(String bootstrap, Set<Integer> expectedBrokerIds, Duration timeout,
                             BooleanSupplier abandon) throws TimeoutException, InterruptedException {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            Poll.until("brokers " + expectedBrokerIds + " to register at " + bootstrap, timeout, POLL_INTERVAL,
                    () -> abandon.getAsBoolean() || servingBrokers(admin).containsAll(expectedBrokerIds));
        }
    }

    /** Every partition of every topic, internal ones included, with its effective min.insync.replicas. */
    public List<PartitionState> partitionStates(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS);
            if (names.isEmpty()) {
                return List.of();
            }
            var topics = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
            var resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            var configs = admin.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
            var states = new ArrayList<PartitionState>();
            topics.forEach((name, description) -> {
                var minIsr = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))
                        .get("min.insync.replicas");
                int min = minIsr == null ? 1 : Integer.parseInt(minIsr.value());
                description.partitions().forEach(p -> states.add(new PartitionState(name, p.partition(),
                        p.replicas().stream().map(Node::id).toList(), p.isr().stream().map(Node::id).toList(), min)));
            });
            return states;
        }
    }

    /** The node id of the active KRaft controller (the quorum leader). */
    public int activeController(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            return admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
        }
    }

    /** Waits until the controller has caught up with the quorum leader since {@code sinceMillis}. */
    public void awaitControllerCaughtUp(String bootstrap, int controllerId, long sinceMillis, Duration timeout)
            throws TimeoutException, InterruptedException {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            Poll.until("controller " + controllerId + " to catch up with the quorum", timeout, POLL_INTERVAL, () -> {
                try {
                    var quorum = admin.describeMetadataQuorum().quorumInfo().get(2, TimeUnit.SECONDS);
                    return quorum.voters().stream().anyMatch(v -> v.replicaId() == controllerId
                            && v.lastCaughtUpTimestamp().orElse(0) >= sinceMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    return false;
                }
            });
        }
    }

    /** Sets and resets cluster-wide dynamic broker configuration, live. */
    public void alterClusterDefaults(String bootstrap, Map<String, String> set, Set<String> reset) throws Exception {
        if (set.isEmpty() && reset.isEmpty()) {
            return;
        }
        var ops = new ArrayList<AlterConfigOp>();
        set.forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
        reset.forEach(k -> ops.add(new AlterConfigOp(new ConfigEntry(k, null), AlterConfigOp.OpType.DELETE)));
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.BROKER, ""), ops))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Set<Integer> servingBrokers(Admin admin) {
        try {
            return admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).stream()
                    .map(Node::id)
                    .collect(Collectors.toSet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return Set.of(); // not reachable yet: nodes are still starting
        }
    }

    private static Map<String, Object> adminConfig(String bootstrap) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.CLIENT_ID_CONFIG, "streamplane-control-plane");
    }
}

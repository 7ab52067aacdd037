package io.streamplane.core.kafka;

import io.streamplane.core.Poll;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.KafkaRefusal;
import io.streamplane.core.error.KafkaRefusal.Reason;
import io.streamplane.core.error.NotFound;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.GroupSubscribedToTopicException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotControllerException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.ReassignmentInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

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
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A cluster's topics through Kafka's Admin API, as a request reads and changes them: live, and with
 * every refusal Kafka gives turned into one that names the request member it concerns.
 */
public final class TopicAdmin implements AutoCloseable {
    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private final Admin admin;

    TopicAdmin(Admin admin) {
        this.admin = admin;
    }

    /** Every topic's name, Kafka's internal ones included. */
    public Set<String> names() {
        return call(admin.listTopics(new ListTopicsOptions().listInternal(true)).names(), null);
    }

    /** The named topics as their brokers report them; a name that is not a topic is not a key. */
    public Map<String, TopicLayout> describe(Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        var reassigning = call(admin.listPartitionReassignments().reassignments(), null).keySet().stream()
                .map(TopicPartition::topic).collect(Collectors.toSet());
        var layouts = new HashMap<String, TopicLayout>();
        admin.describeTopics(names).topicNameValues().forEach((name, future) -> {
            try {
                layouts.put(name, layout(call(future, "topicName"), reassigning.contains(name)));
            } catch (NotFound e) {
                // deleted since it was listed
            }
        });
        return layouts;
    }

    public TopicLayout describe(String name) {
        return Optional.ofNullable(describe(List.of(name)).get(name)).orElseThrow(() -> unknown(name));
    }

    public TopicConfigs configs(String name) {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        var config = call(admin.describeConfigs(List.of(resource)).values().get(resource), "topicName");
        var effective = new HashMap<String, String>();
        var explicit = new HashSet<String>();
        for (ConfigEntry entry : config.entries()) {
            if (entry.value() != null) {
                effective.put(entry.name(), entry.value());
            }
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                explicit.add(entry.name());
            }
        }
        return new TopicConfigs(effective, explicit);
    }

    /**
     * Creates the topic and waits (briefly) for its brokers to serve every partition of it.
     *
     * @return whether they do by the end of the wait
     */
    public boolean create(String name, int partitions, int replicationFactor, Map<String, String> configs) {
        var topic = new NewTopic(name, partitions, (short) replicationFactor).configs(configs);
        call(admin.createTopics(List.of(topic)).all(), "topicName");
        return awaitQuietly("topic " + name + " to be served", () -> {
            var layout = describe(List.of(name)).get(name);
            return layout != null && layout.partitions().size() == partitions && layout.settled();
        });
    }

    /** Sets {@code set} on the topic and takes off the topic's own value of each of {@code reset}. */
    public void alterConfigs(String name, Map<String, String> set, Set<String> reset) {
        var ops = new ArrayList<AlterConfigOp>();
        set.forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
        reset.forEach(k -> ops.add(new AlterConfigOp(new ConfigEntry(k, null), AlterConfigOp.OpType.DELETE)));
        if (!ops.isEmpty()) {
            call(admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, name), ops)).all(),
                    "configs");
        }
    }

    public void increasePartitions(String name, int total) {
        call(admin.createPartitions(Map.of(name, NewPartitions.increaseTo(total))).all(), "partitionCount");
    }

    /** Deletes the topic and returns once its brokers no longer list it (or the wait ends). */
    public void delete(String name) {
        call(admin.deleteTopics(List.of(name)).all(), "topicName");
        awaitQuietly("topic " + name + " to be gone", () -> !names().contains(name));
    }

    /**
     * Waits briefly for a change to show, so that a read right after the answer sees it; a change
     * slower than that still shows, later, through its status.
     */
    private static boolean awaitQuietly(String awaited, BooleanSupplier condition) {
        try {
            Poll.until(awaited, VISIBLE_TIMEOUT, POLL_INTERVAL, condition);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false; // answered with the status it has
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static TopicLayout layout(TopicDescription description, boolean reassigning) {
        var partitions = description.partitions().stream().map(p -> new PartitionLayout(p.partition(),
                Optional.ofNullable(p.leader()).filter(n -> !n.isEmpty()).map(Node::id),
                p.replicas().stream().map(Node::id).toList(), p.isr().stream().map(Node::id).toList())).toList();
        return new TopicLayout(description.name(), description.isInternal(), partitions, reassigning);
    }

    private static NotFound unknown(String name) {
        return new NotFound("The topic " + name + " does not exist");
    }

    /** Kafka's answer, or the domain error its refusal amounts to, naming {@code member}. */
    private static <T> T call(KafkaFuture<T> future, String member) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaRefusal(Reason.TIMEOUT, null, "Interrupted while waiting for Kafka");
        } catch (ExecutionException e) {
            throw refusal(e.getCause(), member);
        }
    }

    static RuntimeException refusal(Throwable cause, String member) {
        String message = cause.getMessage();
        if (cause instanceof UnknownTopicOrPartitionException) {
            return new NotFound(message);
        }
        if (cause instanceof TopicExistsException) {
            return new KafkaRefusal(Reason.TOPIC_EXISTS, "topicName", message);
        }
        if (cause instanceof InvalidTopicException) {
            return new InvalidRequest("topicName", message);
        }
        if (cause instanceof InvalidReplicationFactorException) {
            return new InvalidRequest("replicationFactor", message);
        }
        if (cause instanceof InvalidPartitionsException) {
            return new InvalidRequest("partitionCount", message);
        }
        if (cause instanceof InvalidConfigurationException || cause instanceof PolicyViolationException) {
            return new InvalidRequest("configs", message);
        }
        if (cause instanceof NotControllerException) {
            return new KafkaRefusal(Reason.NOT_CONTROLLER, member, message);
        }
        if (cause instanceof ReassignmentInProgressException) {
            return new KafkaRefusal(Reason.REASSIGNMENT_IN_PROGRESS, member, message);
        }
        if (cause instanceof GroupSubscribedToTopicException) {
            return new KafkaRefusal(Reason.GROUP_SUBSCRIBED_TO_TOPIC, member, message);
        }
        if (cause instanceof TimeoutException) {
            // The Admin client's way of saying that no broker answered at all.
            boolean unreachable = message != null && message.contains("node assignment");
            return new KafkaRefusal(unreachable ? Reason.CLUSTER_CONNECTIVITY : Reason.TIMEOUT, member,
                    unreachable ? "No broker of the cluster can be reached: " + message : message);
        }
        if (cause instanceof ApiException) {
            return new KafkaRefusal(Reason.REQUEST, member, message);
        }
        return new IllegalStateException("Kafka failed: " + message, cause);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}

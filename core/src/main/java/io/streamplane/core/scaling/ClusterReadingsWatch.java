package io.streamplane.core.scaling;

import io.streamplane.core.PeriodicTask;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.kafka.InternalBootstrap;
import io.streamplane.core.kafka.KafkaClusterProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads, in the background, what requests on every running cluster are checked or planned against
 * without waiting on Kafka: the highest replication factor of its topics (a scale-in must leave
 * enough brokers) and the broker Kafka names as its controller (a roll of a ZooKeeper cluster
 * restarts it last). A reading is trusted for a few intervals; a cluster that could not be read for
 * longer is not known, and its scale-in is checked by the operation's first step instead.
 */
public final class ClusterReadingsWatch implements ReplicationFactors, ControllerBrokers, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterReadingsWatch.class);
    /** States in which the brokers run; a creating, failed or deleting cluster has nothing to read. */
    private static final Set<ClusterState> READABLE = EnumSet.of(ClusterState.ACTIVE, ClusterState.UPDATING,
            ClusterState.HEALING, ClusterState.MAINTENANCE, ClusterState.REBOOTING_BROKER);
    private static final int INTERVALS_TRUSTED = 3;
    /**
     * A cluster being changed keeps its reading from before the change, unread: while replicas move,
     * brokers' metadata can still list a partition's old and new replicas after the move has ended,
     * which would read as a replication factor as wide as the old and new brokers together.
     */
    private static final Set<ClusterState> CHANGING = EnumSet.of(ClusterState.UPDATING);

    private final ClusterStore store;
    private final Reader reader;
    /**
     * How often the watch looks for clusters to read: a cluster with no reading yet (one that has
     * just become ACTIVE) is read at once rather than an interval later, so that a change requested
     * right after creation is planned with what Kafka says.
     */
    private static final Duration TICK = Duration.ofMillis(500);

    private final Duration interval;
    private final Duration trustedFor;
    private final Clock clock;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    /** When each cluster was last read, whether it answered or not: one that does not is tried once an interval. */
    private final Map<String, Instant> attempts = new ConcurrentHashMap<>();
    private final PeriodicTask task;

    /**
     * @param reader   asks a cluster's brokers for the highest replication factor of its topics
     * @param interval how long after one round of readings the next one starts
     */
    public ClusterReadingsWatch(ClusterStore store, Reader reader, Duration interval, Clock clock) {
        this.store = store;
        this.reader = reader;
        this.interval = interval;
        this.trustedFor = interval.multipliedBy(INTERVALS_TRUSTED);
        this.clock = clock;
        this.task = new PeriodicTask("cluster-readings", interval.compareTo(TICK) < 0 ? interval : TICK, this::readAll);
    }

    public void start() {
        task.start();
    }

    @Override
    public OptionalInt highestKnown(String clusterArn) {
        var reading = trusted(clusterArn);
        if (reading == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(reading.facts().highestReplicationFactor());
    }

    @Override
    public OptionalInt lastKnown(String clusterArn) {
        var reading = trusted(clusterArn);
        return reading == null ? OptionalInt.empty() : OptionalInt.of(reading.facts().controllerBroker());
    }

    /** The cluster's last reading, if it is recent enough to trust; else null. */
    private Reading trusted(String clusterArn) {
        var reading = readings.get(clusterArn);
        return reading == null || reading.at().plus(trustedFor).isBefore(clock.instant()) ? null : reading;
    }

    /**
     * One round: reads each settled cluster not read yet, or last read an interval ago. The watch's
     * own thread runs it every tick.
     */
    void readAll() {
        var readable = store.listClusters().stream().filter(c -> READABLE.contains(c.state())).toList();
        var arns = readable.stream().map(Cluster::arn).collect(Collectors.toSet());
        readings.keySet().retainAll(arns);
        attempts.keySet().retainAll(arns);
        readable.stream().filter(c -> !CHANGING.contains(c.state())).filter(this::due).forEach(this::read);
    }

    private boolean due(Cluster cluster) {
        var attempt = attempts.get(cluster.arn());
        return attempt == null || !attempt.plus(interval).isAfter(clock.instant());
    }

    private void read(Cluster cluster) {
        var started = clock.instant();
        attempts.put(cluster.arn(), started);
        try {
            // Stamped with the start of the read: a topic created while it ran may be missing from it.
            readings.put(cluster.arn(), new Reading(reader.read(cluster), started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The last reading stays until it is too old to trust.
            LOG.debug("Cannot read cluster {}", cluster.name(), e);
        }
    }

    @Override
    public void close() {
        task.close();
    }

    /** Asks a cluster's brokers what the watch keeps of it. */
    @FunctionalInterface
    public interface Reader {
        ClusterFacts read(Cluster cluster) throws Exception;

        /** Reads through the control plane's Admin connection to the cluster. */
        static Reader through(KafkaClusterProbe probe, Function<Cluster, InternalBootstrap> bootstrap) {
            return cluster -> {
                try (var admin = probe.connect(bootstrap.apply(cluster))) {
                    return new ClusterFacts(admin.maxReplicationFactor(), admin.controllerBroker());
                }
            };
        }
    }

    /**
     * @param highestReplicationFactor the widest of the cluster's topics, internal ones included
     * @param controllerBroker         the broker Kafka names as the controller
     */
    public record ClusterFacts(int highestReplicationFactor, int controllerBroker) {
    }

    private record Reading(ClusterFacts facts, Instant at) {
    }
}

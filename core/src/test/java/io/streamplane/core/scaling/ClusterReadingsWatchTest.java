package io.streamplane.core.scaling;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterSpec;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.OpenMonitoring;
import io.streamplane.core.cluster.RecordedSettings;
import io.streamplane.core.fakes.InMemoryClusterState;
import io.streamplane.core.security.ClusterSecurity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The background readings of clusters: which clusters are read, and how long a reading is trusted. */
class ClusterReadingsWatchTest {
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final int CONTROLLER_BROKER = 2;
    private final InMemoryClusterState state = new InMemoryClusterState();
    private final Map<String, Integer> widest = new ConcurrentHashMap<>();
    private final MutableClock clock = new MutableClock();
    private final ClusterReadingsWatch watch = new ClusterReadingsWatch(state, this::read, INTERVAL, clock);

    private ClusterReadingsWatch.ClusterFacts read(Cluster cluster) {
        var factor = widest.get(cluster.arn());
        if (factor == null) {
            throw new IllegalStateException("cluster " + cluster.name() + " does not answer");
        }
        return new ClusterReadingsWatch.ClusterFacts(factor, CONTROLLER_BROKER);
    }

    private Cluster cluster(String name, ClusterState clusterState) {
        var spec = new ClusterSpec("kafka.m5.large", List.of("subnet-1", "subnet-2", "subnet-3"), List.of(), 100,
                "4.1.x.kraft", 3, "LOCAL", "DEFAULT", Optional.empty(), OpenMonitoring.OFF,
                ClusterSpec.REBALANCING_PAUSED, ClusterSecurity.MSK_DEFAULT, RecordedSettings.NONE);
        var cluster = new Cluster("arn:aws:kafka:us-east-1:000000000000:cluster/" + name + "/1", name, "1",
                clusterState, Optional.empty(), clock.instant(), "K1", spec, Optional.empty(), 0, "kafka-id");
        state.putCluster(cluster);
        return cluster;
    }

    @Test
    void aReading_isKnownUntilItIsThreeIntervalsOld() {
        var cluster = cluster("orders", ClusterState.ACTIVE);
        assertThat(watch.highestKnown(cluster.arn())).isEmpty();

        widest.put(cluster.arn(), 3);
        watch.readAll();
        assertThat(watch.highestKnown(cluster.arn())).hasValue(3);
        assertThat(watch.lastKnown(cluster.arn())).hasValue(CONTROLLER_BROKER);

        // The brokers stop answering: the last reading stays for a while, then nothing is known.
        widest.remove(cluster.arn());
        clock.advance(INTERVAL);
        watch.readAll();
        assertThat(watch.highestKnown(cluster.arn())).hasValue(3);
        clock.advance(INTERVAL.multipliedBy(3));
        watch.readAll();
        assertThat(watch.highestKnown(cluster.arn())).isEmpty();
        assertThat(watch.lastKnown(cluster.arn())).isEmpty();
    }

    @Test
    void aClusterWithoutAReading_isReadAtTheNextTick_othersOnceAnInterval() {
        var older = cluster("older", ClusterState.ACTIVE);
        widest.put(older.arn(), 3);
        watch.readAll();

        var fresh = cluster("fresh", ClusterState.ACTIVE);
        widest.put(fresh.arn(), 2);
        widest.put(older.arn(), 1);
        clock.advance(INTERVAL.dividedBy(10));
        watch.readAll();
        assertThat(watch.highestKnown(fresh.arn())).as("read at once").hasValue(2);
        assertThat(watch.highestKnown(older.arn())).as("not read again within the interval").hasValue(3);

        clock.advance(INTERVAL);
        watch.readAll();
        assertThat(watch.highestKnown(older.arn())).hasValue(1);
    }

    @Test
    void aClusterBeingChanged_keepsItsReadingFromBefore_unread() {
        var cluster = cluster("scaling", ClusterState.ACTIVE);
        widest.put(cluster.arn(), 3);
        watch.readAll();

        // Mid-move, brokers may list old and new replicas together.
        state.updateCluster(state.findCluster(cluster.arn()).orElseThrow().withState(ClusterState.UPDATING,
                Optional.empty()));
        widest.put(cluster.arn(), 6);
        clock.advance(INTERVAL);
        watch.readAll();
        assertThat(watch.highestKnown(cluster.arn())).hasValue(3);

        state.updateCluster(state.findCluster(cluster.arn()).orElseThrow().withState(ClusterState.ACTIVE,
                Optional.empty()));
        widest.put(cluster.arn(), 3);
        watch.readAll();
        assertThat(watch.highestKnown(cluster.arn())).hasValue(3);
    }

    @Test
    void clustersWithoutRunningBrokers_areNotRead_andForgotten() {
        var creating = cluster("creating", ClusterState.CREATING);
        var active = cluster("active", ClusterState.ACTIVE);
        widest.put(creating.arn(), 2);
        widest.put(active.arn(), 2);
        watch.readAll();
        assertThat(watch.highestKnown(creating.arn())).isEmpty();
        assertThat(watch.highestKnown(active.arn())).hasValue(2);

        state.updateCluster(state.findCluster(active.arn()).orElseThrow().withState(ClusterState.DELETING,
                Optional.empty()));
        watch.readAll();
        assertThat(watch.highestKnown(active.arn())).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

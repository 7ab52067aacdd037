package io.streamplane.bench;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.ServerProcess;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.TemporaryDirectory;
import io.streamplane.testkit.Topics;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * A server of its own and an ACTIVE 3-broker, 3-AZ cluster with one topic, for benchmarks that
 * change a running cluster under traffic. Closing it deletes the cluster and stops the server.
 */
final class BenchCluster implements AutoCloseable {
    static final String TOPIC = "bench";
    static final int PARTITIONS = 6;
    private final TemporaryDirectory work;
    private final ServerProcess server;
    private final KafkaClient kafka;
    private final String arn;
    private final String bootstrap;

    private BenchCluster(TemporaryDirectory work, ServerProcess server, KafkaClient kafka, String arn,
                         String bootstrap) {
        this.work = work;
        this.server = server;
        this.kafka = kafka;
        this.arn = arn;
        this.bootstrap = bootstrap;
    }

    static BenchCluster create(String name, String kafkaVersion) throws Exception {
        return create(name, kafkaVersion, ServerProcess.Jvm.QUICK_START);
    }

    static BenchCluster create(String name, String kafkaVersion, ServerProcess.Jvm jvm) throws Exception {
        var work = TemporaryDirectory.create("streamplane-bench");
        var server = ServerProcess.start(work.path().resolve("data"), StreamplaneFixture.freeNodeNetwork(),
                work.path().resolve("server.log"), jvm);
        var kafka = StreamplaneFixture.kafkaClient(server.endpoint(), StreamplaneFixture.ACCESS_KEY_ID,
                StreamplaneFixture.SECRET_ACCESS_KEY);
        String arn = Clusters.createCluster(kafka, name, 3, List.of("subnet-1", "subnet-2", "subnet-3"), kafkaVersion);
        Clusters.awaitState(kafka, arn, ClusterState.ACTIVE);
        String bootstrap = Clusters.bootstrap(kafka, arn);
        Topics.create(bootstrap, TOPIC, PARTITIONS);
        return new BenchCluster(work, server, kafka, arn, bootstrap);
    }

    URI endpoint() {
        return server.endpoint();
    }

    KafkaClient kafka() {
        return kafka;
    }

    String arn() {
        return arn;
    }

    String bootstrap() {
        return bootstrap;
    }

    ClusterState state() {
        return kafka.describeClusterV2(r -> r.clusterArn(arn)).clusterInfo().state();
    }

    String currentVersion() {
        return kafka.describeClusterV2(r -> r.clusterArn(arn)).clusterInfo().currentVersion();
    }

    /** Seconds from now until the cluster is ACTIVE again after the change just started. */
    /**
     * When the server's healing of the cluster, opened at or after {@code since}, completed: read from
     * the operation itself, since a fast healing may be over before anyone looks at the state.
     */
    Instant healedAt(Instant since) {
        var healed = new AtomicReference<Instant>();
        await("a HEAL_CLUSTER operation opened after " + since + " to complete").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    kafka.listClusterOperationsV2(r -> r.clusterArn(arn)).clusterOperationInfoList().stream()
                            .filter(o -> o.operationType().equals("HEAL_CLUSTER") && !o.startTime().isBefore(since))
                            .filter(o -> o.operationState().equals("UPDATE_COMPLETE"))
                            .findFirst().ifPresent(o -> healed.set(o.endTime()));
                    return healed.get() != null;
                });
        return healed.get();
    }

    double secondsUntilActive(long startNanos) {
        Clusters.awaitState(kafka, arn, ClusterState.ACTIVE);
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() throws Exception {
        try {
            kafka.deleteCluster(r -> r.clusterArn(arn));
            Clusters.awaitGone(kafka, arn);
            server.stop();
        } finally {
            kafka.close();
            server.close();
            work.close();
        }
    }
}

package io.streamplane.bench;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.ServerProcess;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.TemporaryDirectory;
import io.streamplane.testkit.TrafficAuditor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Time to roll a 3-broker cluster for a static configuration change, and to apply a dynamic one,
 * under live acks=all traffic, with the auditor's counts.
 */
@Command(name = "roll", mixinStandardHelpOptions = true,
        description = "Time a static (rolling) and a dynamic configuration change under live traffic.")
final class RollingChangeBenchmark implements Callable<Integer> {
    private static final String TOPIC = "bench";
    private static final int PARTITIONS = 6;

    @Override
    public Integer call() throws Exception {
        try (var work = TemporaryDirectory.create("streamplane-bench");
             var server = ServerProcess.start(work.path().resolve("data"), StreamplaneFixture.randomNodeNetwork(),
                     work.path().resolve("server.log"));
             var kafka = StreamplaneFixture.kafkaClient(server.endpoint(), StreamplaneFixture.ACCESS_KEY_ID,
                     StreamplaneFixture.SECRET_ACCESS_KEY)) {
            String arn = Clusters.createCluster(kafka, "bench-roll", 3, List.of("subnet-1", "subnet-2", "subnet-3"));
            Clusters.awaitState(kafka, arn, ClusterState.ACTIVE);
            String bootstrap = Clusters.bootstrap(kafka, arn);
            try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(PARTITIONS), Optional.empty())))
                        .all().get(30, TimeUnit.SECONDS);
            }
            String configuration = kafka.createConfiguration(r -> r.name("bench").serverProperties(
                    SdkBytes.fromUtf8String("log.retention.hours=48"))).arn();
            kafka.updateConfiguration(r -> r.arn(configuration).serverProperties(
                    SdkBytes.fromUtf8String("log.retention.hours=48\nmessage.max.bytes=2097152")));

            try (var auditor = new TrafficAuditor(bootstrap, TOPIC, PARTITIONS).start()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> auditor.acknowledgedCount() > 100);
                double roll = timeChange(kafka, arn, configuration, 1);
                double dynamic = timeChange(kafka, arn, configuration, 2);
                var report = auditor.stop(Duration.ofSeconds(90));
                System.out.printf("%nstatic change, rolling the 3 brokers: %.1f s%n", roll);
                System.out.printf("dynamic change, applied live: %.1f s%n", dynamic);
                System.out.println("traffic during both: " + report);
            }
            kafka.deleteCluster(r -> r.clusterArn(arn));
            Clusters.awaitGone(kafka, arn);
            server.stop();
        }
        return 0;
    }

    /** Seconds from UpdateClusterConfiguration to ACTIVE again. */
    private static double timeChange(KafkaClient kafka, String clusterArn, String configuration, long revision) {
        String version = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().currentVersion();
        long start = System.nanoTime();
        kafka.updateClusterConfiguration(r -> r.clusterArn(clusterArn).currentVersion(version)
                .configurationInfo(c -> c.arn(configuration).revision(revision)));
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
        return (System.nanoTime() - start) / 1e9;
    }
}

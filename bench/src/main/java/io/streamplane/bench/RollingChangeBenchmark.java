package io.streamplane.bench;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.TrafficAuditor;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.SdkBytes;

import java.time.Duration;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/**
 * Time to roll a 3-broker cluster for a static configuration change, and to apply a dynamic one,
 * under live acks=all traffic, with the auditor's counts.
 */
@Command(name = "roll", mixinStandardHelpOptions = true,
        description = "Time a static (rolling) and a dynamic configuration change under live traffic.")
final class RollingChangeBenchmark implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        try (var cluster = BenchCluster.create("bench-roll", Clusters.KAFKA_VERSION)) {
            var kafka = cluster.kafka();
            String configuration = kafka.createConfiguration(r -> r.name("bench").serverProperties(
                    SdkBytes.fromUtf8String("log.retention.hours=48"))).arn();
            kafka.updateConfiguration(r -> r.arn(configuration).serverProperties(
                    SdkBytes.fromUtf8String("log.retention.hours=48\nmessage.max.bytes=2097152")));

            try (var auditor = new TrafficAuditor(cluster.bootstrap(), BenchCluster.TOPIC, BenchCluster.PARTITIONS)
                    .start()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> auditor.acknowledgedCount() > 100);
                double roll = timeChange(cluster, configuration, 1);
                double dynamic = timeChange(cluster, configuration, 2);
                var report = auditor.stop(Duration.ofSeconds(90));
                System.out.printf("%nstatic change, rolling the 3 brokers: %.1f s%n", roll);
                System.out.printf("dynamic change, applied live: %.1f s%n", dynamic);
                System.out.println("traffic during both: " + report);
            }
        }
        return 0;
    }

    /** Seconds from UpdateClusterConfiguration to ACTIVE again. */
    private static double timeChange(BenchCluster cluster, String configuration, long revision) {
        String version = cluster.currentVersion();
        long start = System.nanoTime();
        cluster.kafka().updateClusterConfiguration(r -> r.clusterArn(cluster.arn()).currentVersion(version)
                .configurationInfo(c -> c.arn(configuration).revision(revision)));
        return cluster.secondsUntilActive(start);
    }
}

package io.streamplane.bench;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.TrafficAuditor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/** Time to upgrade a 3-broker cluster's Kafka version under live acks=all traffic, with the auditor's counts. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Time a Kafka version upgrade (every node rolled, metadata or protocol version raised) under live traffic.")
final class KafkaUpgradeBenchmark implements Callable<Integer> {
    @Option(names = "--from", defaultValue = "4.0.x.kraft", description = "Version the cluster starts on (default ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", defaultValue = Clusters.KAFKA_VERSION, description = "Version to upgrade to (default ${DEFAULT-VALUE}).")
    String to;

    @Override
    public Integer call() throws Exception {
        try (var cluster = BenchCluster.create("bench-upgrade", from);
             var auditor = new TrafficAuditor(cluster.bootstrap(), BenchCluster.TOPIC, BenchCluster.PARTITIONS)
                     .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> auditor.acknowledgedCount() > 100);
            String version = cluster.currentVersion();
            long start = System.nanoTime();
            cluster.kafka().updateClusterKafkaVersion(r -> r.clusterArn(cluster.arn()).currentVersion(version)
                    .targetKafkaVersion(to));
            double seconds = cluster.secondsUntilActive(start);
            var report = auditor.stop(Duration.ofSeconds(90));
            String rolled = from.endsWith(".kraft") ? "3 controllers and 3 brokers rolled"
                    : "3 brokers rolled twice (onto the release, then onto its inter-broker protocol)";
            System.out.printf("%nupgrade %s to %s, %s: %.1f s%n", from, to, rolled, seconds);
            System.out.println("traffic during it: " + report);
        }
        return 0;
    }
}

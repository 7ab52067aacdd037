package io.streamplane.bench;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.TrafficAuditor;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/** Time to grow a cluster from 3 to 6 brokers, rebalance included, under live acks=all traffic. */
@Command(name = "scale-out", mixinStandardHelpOptions = true,
        description = "Time UpdateBrokerCount from 3 to 6 brokers, rebalance included, under live traffic.")
final class ScaleOutBenchmark implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        try (var cluster = BenchCluster.create("bench-scale", Clusters.KAFKA_VERSION);
             var auditor = new TrafficAuditor(cluster.bootstrap(), BenchCluster.TOPIC, BenchCluster.PARTITIONS)
                     .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> auditor.acknowledgedCount() > 100);
            String version = cluster.currentVersion();
            long start = System.nanoTime();
            cluster.kafka().updateBrokerCount(r -> r.clusterArn(cluster.arn()).currentVersion(version)
                    .targetNumberOfBrokerNodes(6));
            double seconds = cluster.secondsUntilActive(start);
            var report = auditor.stop(Duration.ofSeconds(90));
            System.out.printf("%n3 to 6 brokers, new brokers started and %d partitions rebalanced: %.1f s%n",
                    BenchCluster.PARTITIONS, seconds);
            System.out.println("traffic during it: " + report);
        }
        return 0;
    }
}

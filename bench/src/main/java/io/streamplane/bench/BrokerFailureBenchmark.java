package io.streamplane.bench;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.TrafficAuditor;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * A broker killed with SIGKILL under live acks=all traffic: how long until every partition takes
 * writes again (its leadership moved), and until the broker is back and every replica in sync.
 */
@Command(name = "broker-failure", mixinStandardHelpOptions = true,
        description = "Time the recovery from a broker SIGKILL under live traffic.")
final class BrokerFailureBenchmark implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        try (var cluster = BenchCluster.create("bench-failure", Clusters.KAFKA_VERSION);
             var auditor = new TrafficAuditor(cluster.bootstrap(), BenchCluster.TOPIC, BenchCluster.PARTITIONS)
                     .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> auditor.acknowledgedCount() > 500);
            long[] before = IntStream.range(0, BenchCluster.PARTITIONS).mapToLong(auditor::acknowledgedCount).toArray();
            long killed = System.nanoTime();
            Instant killedAt = Instant.now();
            NodeProcesses.kill(cluster.arn(), 2);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
                    .until(() -> IntStream.range(0, BenchCluster.PARTITIONS)
                            .allMatch(p -> auditor.acknowledgedCount(p) > before[p] + 1));
            double writable = (System.nanoTime() - killed) / 1e9;
            var healed = cluster.healedAt(killedAt);
            double inSync = (healed.toEpochMilli() - killedAt.toEpochMilli()) / 1e3;
            var report = auditor.stop(Duration.ofSeconds(90));
            System.out.printf("%nbroker 2 killed (SIGKILL) under traffic on %d partitions:%n", BenchCluster.PARTITIONS);
            System.out.printf("every partition taking writes again after: %.1f s%n", writable);
            System.out.printf("broker restarted and every replica in sync after: %.1f s%n", inSync);
            System.out.println("traffic: " + report);
        }
        return 0;
    }
}

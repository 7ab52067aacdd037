package io.streamplane.bench;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.ServerProcess;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.TemporaryDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Time from CreateClusterV2 to ACTIVE for a 3-broker, 3-AZ cluster, over several runs, and the
 * resident memory of its nodes once ACTIVE. Runs its own server in its own process, as a user would,
 * so nothing else should be loading the machine.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Time CreateClusterV2 to ACTIVE (3 brokers, 3 AZs) and measure the nodes' memory.")
final class CreateClusterBenchmark implements Callable<Integer> {
    private static final List<String> SUBNETS = List.of("subnet-1", "subnet-2", "subnet-3");

    @Option(names = "--runs", defaultValue = "5", description = "How many clusters to create (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--kafka-version", defaultValue = Clusters.KAFKA_VERSION,
            description = "MSK's name of the Kafka version, KRaft or ZooKeeper (default ${DEFAULT-VALUE}).")
    String kafkaVersion;

    @Override
    public Integer call() throws Exception {
        var seconds = new ArrayList<Double>();
        var brokerRss = new ArrayList<Long>();
        var quorumRss = new ArrayList<Long>();
        try (var work = TemporaryDirectory.create("streamplane-bench");
             var server = ServerProcess.start(work.path().resolve("data"), StreamplaneFixture.freeNodeNetwork(),
                     work.path().resolve("server.log"));
             var kafka = StreamplaneFixture.kafkaClient(server.endpoint(), StreamplaneFixture.ACCESS_KEY_ID,
                     StreamplaneFixture.SECRET_ACCESS_KEY)) {
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                String arn = Clusters.createCluster(kafka, "bench-" + run, 3, SUBNETS, kafkaVersion);
                Clusters.awaitState(kafka, arn, ClusterState.ACTIVE);
                double elapsed = (System.nanoTime() - start) / 1e9;
                seconds.add(elapsed);
                for (long pid : NodeProcesses.pidsOf(arn)) {
                    long rss = residentKib(pid);
                    (isMetadataNode(pid) ? quorumRss : brokerRss).add(rss);
                }
                System.out.printf("run %d: ACTIVE after %.2f s%n", run, elapsed);
                kafka.deleteCluster(r -> r.clusterArn(arn));
                Clusters.awaitGone(kafka, arn);
            }
            server.stop();
        }
        Collections.sort(seconds);
        String quorum = kafkaVersion.endsWith(".kraft") ? "controller" : "ZooKeeper server";
        System.out.printf("%ncreate-to-active on %s, 3 brokers over 3 AZs + 3 %ss, %d runs: median %.2f s, "
                + "min %.2f s, max %.2f s%n", kafkaVersion, quorum, runs, median(seconds), seconds.get(0),
                seconds.get(seconds.size() - 1));
        System.out.printf("resident memory once ACTIVE: broker %d MiB (mean), %s %d MiB (mean), "
                + "cluster total %d MiB%n", mean(brokerRss) / 1024, quorum, mean(quorumRss) / 1024,
                (mean(brokerRss) * 3 + mean(quorumRss) * 3) / 1024);
        return 0;
    }

    /**
     * Whether the node keeps the metadata: a ZooKeeper server, by its main class, or a controller, by
     * the server.properties its command line ends with.
     */
    private static boolean isMetadataNode(long pid) {
        return commandLine(pid).contains("QuorumPeerMain")
                || configOf(pid).map(c -> c.contains("process.roles=controller")).orElse(false);
    }

    private static Optional<String> configOf(long pid) {
        String cmd = commandLine(pid);
        String[] parts = cmd.split(" ");
        try {
            return Optional.of(Files.readString(Path.of(parts[parts.length - 1])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String commandLine(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
    }

    private static long residentKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long mean(List<Long> values) {
        return values.isEmpty() ? 0 : values.stream().mapToLong(Long::longValue).sum() / values.size();
    }
}

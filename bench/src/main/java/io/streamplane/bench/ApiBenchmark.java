package io.streamplane.bench;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.ServerProcess;
import io.streamplane.testkit.StalledSockets;
import io.streamplane.testkit.StreamplaneFixture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kafka.KafkaClient;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The control plane's latency under a steady load of reads, as dashboards and Terraform plans poll:
 * DescribeClusterV2 and ListClustersV2 at a fixed rate over a pool of kept-alive connections, first
 * alone, then while 200 other sockets sit stalled half-way through their request headers.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Measure DescribeClusterV2 and ListClustersV2 latency at a steady rate, with and without stalled sockets.")
final class ApiBenchmark implements Callable<Integer> {
    private static final int STALLED_SOCKETS = 200;
    /** Shorter than the server's 10 s header timeout, so the stalled sockets stay open for a whole phase. */
    private static final Duration PHASE = Duration.ofSeconds(8);
    private static final Duration WARM_UP = Duration.ofSeconds(20);

    @Option(names = "--rate", defaultValue = "500", description = "Requests per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--connections", defaultValue = "64", description = "Connections, one caller thread each (default ${DEFAULT-VALUE}).")
    int connections;

    @Override
    public Integer call() throws Exception {
        try (var cluster = BenchCluster.create("bench-api", Clusters.KAFKA_VERSION,
                ServerProcess.Jvm.AS_DEPLOYED);
             var kafka = client(cluster, connections)) {
            var load = new SteadyReadLoad(kafka, cluster.arn(), rate, connections);
            load.run(WARM_UP);
            var alone = load.run(PHASE);
            SteadyReadLoad.Figures stalled;
            try (var sockets = StalledSockets.open(cluster.endpoint(), STALLED_SOCKETS)) {
                stalled = load.run(PHASE);
                System.out.printf("%n%d stalled sockets still open at the end: %d%n", STALLED_SOCKETS,
                        sockets.stillOpen());
            }
            System.out.printf("%n%d requests/s over %d kept-alive connections, %d s per phase, latency from each "
                    + "request's scheduled start:%n", rate, connections, PHASE.toSeconds());
            alone.print("alone");
            stalled.print("with " + STALLED_SOCKETS + " stalled sockets");
        }
        return 0;
    }

    private static KafkaClient client(BenchCluster cluster, int connections) {
        return KafkaClient.builder().endpointOverride(cluster.endpoint())
                .region(Region.of(StreamplaneFixture.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        StreamplaneFixture.ACCESS_KEY_ID, StreamplaneFixture.SECRET_ACCESS_KEY)))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections))
                // A failed call is counted, not hidden behind a retry.
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}

package io.streamplane.bench;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.Connectors;
import io.streamplane.testkit.StreamplaneFixture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * The built-in S3 sink on 1 and then 2 workers: time from CreateConnector to RUNNING, and records
 * per second from RUNNING until every record of a filled topic is in S3.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Time CreateConnector to RUNNING and measure records/s through the S3 sink on 1 and 2 workers.")
final class ConnectBenchmark implements Callable<Integer> {
    @Option(names = "--records", defaultValue = "300000", description = "Records in the topic (default ${DEFAULT-VALUE}).")
    int records;

    @Override
    public Integer call() throws Exception {
        try (var cluster = BenchCluster.create("bench-connect", Clusters.KAFKA_VERSION);
             var connect = StreamplaneFixture.kafkaConnectClient(cluster.endpoint());
             var s3 = StreamplaneFixture.s3Client(cluster.endpoint(), StreamplaneFixture.ACCESS_KEY_ID,
                     StreamplaneFixture.SECRET_ACCESS_KEY)) {
            fill(cluster.bootstrap());
            s3.createBucket(r -> r.bucket("plugins"));
            s3.putObject(r -> r.bucket("plugins").key("s3-sink.zip"),
                    RequestBody.fromFile(Path.of(System.getProperty("streamplane.s3sink.plugin"))));
            String plugin = Connectors.activePlugin(connect, "s3-sink", CustomPluginContentType.ZIP, "plugins",
                    "s3-sink.zip");
            var endOffsets = endOffsets(cluster.bootstrap());
            System.out.printf("%n%d records of about 200 bytes in %d partitions%n", records, endOffsets.size());
            for (int workers : new int[] {1, 2}) {
                run(cluster, connect, s3, plugin, workers, endOffsets);
            }
        }
        return 0;
    }

    private void run(BenchCluster cluster, KafkaConnectClient connect, S3Client s3, String plugin, int workers,
                     Map<TopicPartition, Long> endOffsets) {
        String bucket = "sink-" + workers;
        s3.createBucket(r -> r.bucket(bucket));
        var configuration = Connectors.s3Sink(cluster.endpoint(), bucket, BenchCluster.TOPIC,
                BenchCluster.PARTITIONS);
        configuration.put("flush.size", "10000");
        configuration.put("rotate.interval.ms", "2000");
        long start = System.nanoTime();
        String arn = connect.createConnector(Connectors.request("bench-" + workers, plugin, cluster.bootstrap(),
                configuration, c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(workers))).build())
                .connectorArn();
        Connectors.awaitRunning(connect, arn);
        long running = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> allInS3(s3, bucket, endOffsets));
        long done = System.nanoTime();
        double seconds = (done - running) / 1e9;
        System.out.printf("%d worker%s: CreateConnector to RUNNING %.1f s; %d records in S3 %.1f s after RUNNING, "
                        + "%.0f records/s%n", workers, workers == 1 ? "" : "s", (running - start) / 1e9, records,
                seconds, records / seconds);
        connect.deleteConnector(r -> r.connectorArn(arn));
        Connectors.awaitGone(connect, arn);
    }

    private void fill(String bootstrap) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        String padding = IntStream.range(0, 180).mapToObj(i -> "x").collect(Collectors.joining());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(BenchCluster.TOPIC, Integer.toString(i), i + ":" + padding));
            }
            producer.flush();
        }
    }

    private static Map<TopicPartition, Long> endOffsets(String bootstrap) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var partitions = IntStream.range(0, BenchCluster.PARTITIONS)
                    .mapToObj(p -> new TopicPartition(BenchCluster.TOPIC, p))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    /** Whether each partition's last object ends at the partition's last record. */
    private static boolean allInS3(S3Client s3, String bucket, Map<TopicPartition, Long> endOffsets) {
        for (var partition : endOffsets.entrySet()) {
            String prefix = partition.getKey().topic() + "/partition=" + partition.getKey().partition() + "/";
            var last = s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                    .max(Comparator.comparing(S3Object::key));
            if (partition.getValue() == 0) {
                continue;
            }
            if (last.isEmpty() || Long.parseLong(s3.headObject(r -> r.bucket(bucket).key(last.get().key()))
                    .metadata().get("last-offset")) + 1 < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}

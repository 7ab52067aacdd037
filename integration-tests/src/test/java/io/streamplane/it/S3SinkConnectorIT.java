package io.streamplane.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.ConnectWorkerProcesses;
import io.streamplane.testkit.Connectors;
import io.streamplane.testkit.LiveCluster;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built-in S3 sink, uploaded as a custom plugin from its ready ZIP, writing a topic to the
 * endpoint's S3 as gzipped JSON lines: every acknowledged record once, also when a worker is
 * killed in the middle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3SinkConnectorIT {
    private static final String TOPIC = "events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";
    private LiveCluster cluster;
    private KafkaConnectClient connect;
    private S3Client s3;
    private String connectorArn;

    @BeforeAll
    void start() throws Exception {
        cluster = LiveCluster.start("sink", Clusters.KAFKA_VERSION, TOPIC, 3);
        connect = cluster.streamplane().kafkaConnectClient();
        s3 = cluster.streamplane().s3Client();
        s3.createBucket(r -> r.bucket("plugins"));
        s3.createBucket(r -> r.bucket("lake"));
        s3.putObject(r -> r.bucket("plugins").key("s3-sink.zip"),
                RequestBody.fromFile(Path.of(System.getProperty("streamplane.s3sink.plugin"))));
    }

    @AfterAll
    void stop() {
        if (connectorArn != null) {
            ConnectWorkerProcesses.killAll(connectorArn);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyAcknowledgedRecord_landsInS3Once_inOrder_evenWhenAWorkerIsKilled() throws Exception {
        String pluginArn = Connectors.activePlugin(connect, "s3-sink", CustomPluginContentType.ZIP, "plugins",
                "s3-sink.zip");
        var configuration = Connectors.s3Sink(cluster.streamplane().endpoint(), "lake", TOPIC, 3);
        configuration.put("s3.prefix", "raw");
        configuration.put("format.compression", "gzip");
        configuration.put("flush.size", "50");
        configuration.put("rotate.interval.ms", "1000");
        // The killed worker's task consumers keep their partitions until their group session times
        // out: 45 s by Kafka's default, 10 s with the setting MSK Connect lets a worker configuration make.
        String workers = connect.createWorkerConfiguration(r -> r.name("quick-failover").propertiesFileContent(
                Base64.getEncoder().encodeToString(("key.converter=" + STRING_CONVERTER + "\n"
                        + "value.converter=" + STRING_CONVERTER + "\n"
                        + "consumer.session.timeout.ms=10000\n").getBytes(StandardCharsets.UTF_8))))
                .workerConfigurationArn();
        connectorArn = connect.createConnector(Connectors.request("events-to-lake", pluginArn, cluster.bootstrap(),
                        configuration, c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(2)))
                .workerConfiguration(w -> w.workerConfigurationArn(workers).revision(1L)).build()).connectorArn();
        Connectors.awaitRunning(connect, connectorArn);

        var acknowledged = new ConcurrentLinkedQueue<String>();
        produce(0, 600, acknowledged);
        long victim = ConnectWorkerProcesses.pidsOf(connectorArn).iterator().next();
        ConnectWorkerProcesses.kill(victim);
        produce(600, 1200, acknowledged);
        await("the killed worker replaced").atMost(Duration.ofMinutes(1)).until(() ->
                ConnectWorkerProcesses.pidsOf(connectorArn).size() == 2);

        await("every acknowledged record in S3").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> values(lines()).containsAll(acknowledged));
        var lines = lines();
        assertThat(values(lines)).as("no record written twice").doesNotHaveDuplicates().hasSize(acknowledged.size());
        var byPartition = new HashMap<Integer, List<Long>>();
        lines.forEach(l -> byPartition.computeIfAbsent(l.path("partition").asInt(), p -> new ArrayList<>())
                .add(l.path("offset").asLong()));
        byPartition.values().forEach(offsets -> assertThat(offsets).as("offsets in order").isSorted());
        assertThat(s3.listObjectsV2(r -> r.bucket("lake").prefix("raw/events/partition=0/")).contents())
                .extracting(S3Object::key).allMatch(k -> k.matches("raw/events/partition=0/events\\+0\\+\\d{20}"
                        + "\\.jsonl\\.gz"));
    }

    private void produce(int from, int to, ConcurrentLinkedQueue<String> acknowledged) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = from; i < to; i++) {
                String value = "event-" + i;
                producer.send(new ProducerRecord<>(TOPIC, Integer.toString(i), value), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.add(value);
                    }
                });
            }
            producer.flush();
        }
    }

    /**
     * Every line of every object the sink wrote, objects in key order. The embedded S3 stages an
     * upload as {@code KEY-<uuid>} beside its key until it is moved into place, and a listing can
     * catch it there; only the sink's own keys are read.
     */
    private List<JsonNode> lines() throws IOException {
        var lines = new ArrayList<JsonNode>();
        var objects = s3.listObjectsV2Paginator(r -> r.bucket("lake").prefix("raw/")).contents().stream()
                .map(S3Object::key).filter(k -> k.endsWith(".jsonl.gz")).sorted().toList();
        for (String key : objects) {
            byte[] gzipped = s3.getObjectAsBytes(r -> r.bucket("lake").key(key)).asByteArray();
            String text = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped)).readAllBytes(),
                    StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }

    private static List<String> values(List<JsonNode> lines) {
        return lines.stream().map(l -> l.path("value").asText()).toList();
    }
}

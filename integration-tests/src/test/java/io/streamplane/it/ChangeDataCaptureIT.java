package io.streamplane.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.ConnectWorkerProcesses;
import io.streamplane.testkit.Connectors;
import io.streamplane.testkit.LiveCluster;
import io.streamplane.testkit.LogSearch;
import io.streamplane.testkit.PluginArchives;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.ConnectorState;
import software.amazon.awssdk.services.kafkaconnect.model.CreateConnectorRequest;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole MSK Connect flow with stock parts: a real PostgreSQL with logical replication, Debezium's
 * PostgreSQL connector (from Maven Central) uploaded as a custom plugin, its change events in a
 * Streamplane cluster, and the built-in S3 sink writing them to the endpoint's S3, where the AWS
 * SDK finds every inserted, updated and deleted row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeDataCaptureIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "shop.public.customers";
    private EmbeddedPostgres postgres;
    private LiveCluster cluster;
    private KafkaConnectClient connect;
    private S3Client s3;
    private final List<String> connectorArns = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "4").setServerConfig("max_wal_senders", "4").start();
        sql("CREATE TABLE customers (id INT PRIMARY KEY, name TEXT NOT NULL, email TEXT)");
        cluster = LiveCluster.start("cdc", Clusters.KAFKA_VERSION, TOPIC, 1);
        connect = cluster.streamplane().kafkaConnectClient();
        s3 = cluster.streamplane().s3Client();
        s3.createBucket(r -> r.bucket("plugins"));
        s3.createBucket(r -> r.bucket("cdc"));
    }

    @AfterAll
    void stop() throws Exception {
        connectorArns.forEach(ConnectWorkerProcesses::killAll);
        if (cluster != null) {
            cluster.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void insertsUpdatesAndDeletes_areCapturedIntoKafka_andWrittenToS3() throws Exception {
        s3.putObject(r -> r.bucket("plugins").key("debezium-postgres.zip"), RequestBody.fromBytes(
                PluginArchives.zip(Path.of(System.getProperty("streamplane.debezium.plugin")))));
        s3.putObject(r -> r.bucket("plugins").key("s3-sink.zip"),
                RequestBody.fromFile(Path.of(System.getProperty("streamplane.s3sink.plugin"))));
        String debezium = Connectors.activePlugin(connect, "debezium-postgres", CustomPluginContentType.ZIP, "plugins",
                "debezium-postgres.zip");
        String sink = Connectors.activePlugin(connect, "s3-sink", CustomPluginContentType.ZIP, "plugins",
                "s3-sink.zip");
        var workers = connect.createWorkerConfiguration(r -> r.name("json").propertiesFileContent(Base64.getEncoder()
                .encodeToString(("key.converter=org.apache.kafka.connect.json.JsonConverter\n"
                        + "key.converter.schemas.enable=false\n"
                        + "value.converter=org.apache.kafka.connect.json.JsonConverter\n"
                        + "value.converter.schemas.enable=false\n").getBytes(StandardCharsets.UTF_8))));
        sql("INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com')");

        String databasePassword = "cdc-password-" + UUID.randomUUID();
        var capture = new HashMap<String, String>();
        capture.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        capture.put("tasks.max", "1");
        capture.put("database.hostname", "127.0.0.1");
        capture.put("database.port", Integer.toString(postgres.getPort()));
        capture.put("database.user", "postgres");
        // Any password opens the embedded database (trust); this one is looked for in the logs below.
        capture.put("database.password", databasePassword);
        capture.put("database.dbname", "postgres");
        capture.put("topic.prefix", "shop");
        capture.put("plugin.name", "pgoutput");
        capture.put("slot.name", "streamplane_cdc");
        capture.put("table.include.list", "public.customers");
        var sinkConfiguration = Connectors.s3Sink(cluster.streamplane().endpoint(), "cdc", TOPIC, 1);
        sinkConfiguration.put("flush.size", "10");
        sinkConfiguration.put("rotate.interval.ms", "1000");
        for (var request : List.of(connector("customers-cdc", debezium, workers.workerConfigurationArn(), capture),
                connector("customers-to-s3", sink, workers.workerConfigurationArn(), sinkConfiguration))) {
            String arn = connect.createConnector(request).connectorArn();
            connectorArns.add(arn);
            var settled = Connectors.awaitSettled(connect, arn);
            assertThat(settled.connectorState()).as("%s: %s", request.connectorName(), settled.stateDescription())
                    .isEqualTo(ConnectorState.RUNNING);
        }

        sql("INSERT INTO customers VALUES (2, 'Grace', 'grace@example.com')");
        sql("UPDATE customers SET email = 'ada@lovelace.org' WHERE id = 1");
        sql("DELETE FROM customers WHERE id = 2");

        await("every change in S3").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> changes().stream().anyMatch(c -> c.path("op").asText().equals("d")));
        var changes = changes();
        assertThat(change(changes, "r", 1).or(() -> change(changes, "c", 1))).as("Ada, read or inserted")
                .hasValueSatisfying(c -> assertThat(c.path("after").path("name").asText()).isEqualTo("Ada"));
        assertThat(change(changes, "c", 2)).as("Grace inserted")
                .hasValueSatisfying(c -> assertThat(c.path("after").path("email").asText())
                        .isEqualTo("grace@example.com"));
        assertThat(change(changes, "u", 1)).as("Ada updated")
                .hasValueSatisfying(c -> assertThat(c.path("after").path("email").asText())
                        .isEqualTo("ada@lovelace.org"));
        assertThat(changes.stream().filter(c -> c.path("op").asText().equals("d")
                && c.path("before").path("id").asInt() == 2)).as("Grace deleted").hasSize(1);

        var secrets = new ArrayList<>(restPasswords());
        secrets.add(databasePassword);
        var logs = LogSearch.logsBelow(cluster.streamplane().dataDir());
        assertThat(logs).as("the workers' logs").anyMatch(l -> l.toString().contains("connect"));
        assertThat(LogSearch.linesHolding(List.of("customers-cdc"), logs)).as("the search reads the workers' logs")
                .isNotEmpty();
        assertThat(LogSearch.linesHolding(secrets, logs)).as("the database password and the workers' REST passwords "
                + "in the logs").isEmpty();
    }

    /** The passwords the server made for the connectors' Connect REST APIs. */
    private List<String> restPasswords() throws IOException {
        try (Stream<Path> files = Files.walk(cluster.streamplane().dataDir())) {
            var passwords = new ArrayList<String>();
            for (Path file : files.filter(f -> f.getFileName().toString().equals("rest-users.properties")).toList()) {
                var users = new Properties();
                users.load(new StringReader(Files.readString(file)));
                users.values().forEach(v -> passwords.add(v.toString()));
            }
            assertThat(passwords).as("a REST password per connector").hasSize(connectorArns.size());
            return passwords;
        }
    }

    private CreateConnectorRequest connector(String name, String pluginArn, String workerConfigurationArn,
                                             Map<String, String> configuration) {
        return Connectors.request(name, pluginArn, cluster.bootstrap(), configuration,
                        c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(1)))
                .workerConfiguration(w -> w.workerConfigurationArn(workerConfigurationArn).revision(1L))
                .build();
    }

    /** The change events the sink wrote, in order: Debezium's values, without the tombstones. */
    private List<JsonNode> changes() throws Exception {
        var changes = new ArrayList<JsonNode>();
        var keys = s3.listObjectsV2Paginator(r -> r.bucket("cdc")).contents().stream().map(S3Object::key).sorted()
                .toList();
        for (String key : keys) {
            for (String line : s3.getObjectAsBytes(r -> r.bucket("cdc").key(key)).asUtf8String().split("\n")) {
                var value = line.isBlank() ? null : JSON.readTree(line).path("value");
                if (value != null && value.isObject()) {
                    changes.add(value);
                }
            }
        }
        return changes;
    }

    private static Optional<JsonNode> change(List<JsonNode> changes, String op, int id) {
        return changes.stream().filter(c -> c.path("op").asText().equals(op)
                && (c.path("after").path("id").asInt() == id || c.path("before").path("id").asInt() == id)).findFirst();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute(statement);
        }
    }
}

package io.streamplane.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.api.model.ServiceModel;
import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.ConnectWorkerProcesses;
import io.streamplane.testkit.Connectors;
import io.streamplane.testkit.LiveCluster;
import io.streamplane.testkit.TemporaryDirectory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.BadRequestException;
import software.amazon.awssdk.services.kafkaconnect.model.Capacity;
import software.amazon.awssdk.services.kafkaconnect.model.ConnectorOperationState;
import software.amazon.awssdk.services.kafkaconnect.model.ConnectorOperationType;
import software.amazon.awssdk.services.kafkaconnect.model.ConnectorState;
import software.amazon.awssdk.services.kafkaconnect.model.CreateConnectorRequest;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Connectors on real Kafka Connect workers against a real cluster, through the AWS SDK: Kafka's
 * own file sink connector as the custom plugin, writing what a topic receives into a file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectorsIT {
    private static final String TOPIC = "orders";
    private LiveCluster cluster;
    private KafkaConnectClient connect;
    private String pluginArn;
    private String connectorArn;
    /** For the whole class: the sink keeps writing its file from one test to the next. */
    private TemporaryDirectory files;

    @BeforeAll
    void start() throws Exception {
        files = TemporaryDirectory.create("connectors-test");
        cluster = LiveCluster.start("connect", Clusters.KAFKA_VERSION, TOPIC, 3);
        connect = cluster.streamplane().kafkaConnectClient();
        var s3 = cluster.streamplane().s3Client();
        s3.createBucket(r -> r.bucket("plugins"));
        s3.createBucket(r -> r.bucket("logs"));
        s3.putObject(r -> r.bucket("plugins").key("file-connector.jar"), RequestBody.fromFile(Path.of(
                FileStreamSinkConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI())));
        pluginArn = Connectors.activePlugin(connect, "file", CustomPluginContentType.JAR, "plugins",
                "file-connector.jar");
    }

    @AfterAll
    void stop() {
        if (connectorArn != null) {
            ConnectWorkerProcesses.killAll(connectorArn);
        }
        if (cluster != null) {
            cluster.close();
        }
        if (files != null) {
            files.close();
        }
    }

    @Test
    @Order(1)
    void aConnector_runsOnItsWorkers_andMovesTheTopicsRecords() throws Exception {
        Path sink = files.path().resolve("orders.txt");
        var created = connect.createConnector(connector("orders-to-file", Map.of("topics", TOPIC, "file",
                sink.toString()), c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(1))).toBuilder()
                .logDelivery(l -> l.workerLogDelivery(w -> w.s3(s -> s.enabled(true).bucket("logs").prefix("connect"))))
                .build());
        connectorArn = created.connectorArn();

        assertThat(created.connectorState()).isEqualTo(ConnectorState.CREATING);
        assertThat(connectorArn).matches(
                "arn:aws:kafkaconnect:us-east-1:000000000000:connector/orders-to-file/[0-9a-f-]+-\\d");
        var running = Connectors.awaitSettled(connect, connectorArn);
        assertThat(running.connectorState()).as("%s", running.stateDescription()).isEqualTo(ConnectorState.RUNNING);
        assertThat(running.capacity().provisionedCapacity().workerCount()).isEqualTo(1);
        assertThat(running.plugins().get(0).customPlugin().customPluginArn()).isEqualTo(pluginArn);
        assertThat(running.connectorConfiguration()).containsEntry("topics", TOPIC);
        assertThat(ConnectWorkerProcesses.pidsOf(connectorArn)).hasSize(1);
        assertWorkersRefuseRequestsWithoutTheConnectorsCredentials();
        connect.tagResource(r -> r.resourceArn(connectorArn).tags(Map.of("pipeline", "orders")));
        assertThat(connect.listTagsForResource(r -> r.resourceArn(connectorArn)).tags()).containsEntry("pipeline", "orders");

        produce(List.of("first", "second", "third"));
        await("the records in the sink file").atMost(Duration.ofMinutes(1)).until(() -> Files.exists(sink)
                && Files.readAllLines(sink).containsAll(List.of("first", "second", "third")));
        await("worker logs in S3").atMost(Duration.ofMinutes(1)).until(() -> cluster.streamplane().s3Client()
                .listObjectsV2(r -> r.bucket("logs").prefix("connect/orders-to-file/worker-0/")).contents().stream()
                .anyMatch(o -> o.key().endsWith("connect.log")));
    }

    /** The workers' REST APIs hold the connector's configuration, secrets and all: only the server gets in. */
    private void assertWorkersRefuseRequestsWithoutTheConnectorsCredentials() throws Exception {
        var http = HttpClient.newHttpClient();
        var ports = ConnectWorkerProcesses.restPorts(connectorArn);
        assertThat(ports).isNotEmpty();
        for (int port : ports) {
            for (String path : List.of("/connectors", "/connectors/orders-to-file/config")) {
                var anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(anonymous.statusCode()).as("GET %s without credentials", path).isEqualTo(401);
                var guessed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "streamplane:streamplane".getBytes(StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(guessed.statusCode()).as("GET %s with a guessed password", path).isEqualTo(401);
            }
        }
    }

    @Test
    @Order(2)
    void updateConnector_changesTheWorkerCount_asAnOperationWithSteps() {
        String version = connect.describeConnector(r -> r.connectorArn(connectorArn)).currentVersion();

        var update = connect.updateConnector(r -> r.connectorArn(connectorArn).currentVersion(version)
                .capacity(c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(2))));

        assertThat(update.connectorState()).isEqualTo(ConnectorState.UPDATING);
        var settled = Connectors.awaitSettled(connect, connectorArn);
        assertThat(settled.connectorState()).isEqualTo(ConnectorState.RUNNING);
        assertThat(settled.capacity().provisionedCapacity().workerCount()).isEqualTo(2);
        assertThat(settled.currentVersion()).isNotEqualTo(version);
        assertThat(ConnectWorkerProcesses.pidsOf(connectorArn)).hasSize(2);
        var operation = connect.describeConnectorOperation(r -> r.connectorOperationArn(update.connectorOperationArn()));
        assertThat(operation.connectorOperationType()).isEqualTo(ConnectorOperationType.UPDATE_WORKER_SETTING);
        assertThat(operation.connectorOperationState()).isEqualTo(ConnectorOperationState.UPDATE_COMPLETE);
        assertThat(operation.operationSteps()).extracting(s -> s.stepTypeAsString() + ":" + s.stepStateAsString())
                .containsExactly("INITIALIZE_UPDATE:COMPLETED", "VALIDATE_UPDATE:COMPLETED",
                        "UPDATE_WORKER_SETTING:COMPLETED", "FINALIZE_UPDATE:COMPLETED");
        assertThat(operation.originWorkerSetting().capacity().provisionedCapacity().workerCount()).isEqualTo(1);
        assertThat(operation.targetWorkerSetting().capacity().provisionedCapacity().workerCount()).isEqualTo(2);
        assertThat(connect.listConnectorOperations(r -> r.connectorArn(connectorArn)).connectorOperations())
                .extracting(o -> o.connectorOperationArn()).containsExactly(update.connectorOperationArn());
    }

    @Test
    @Order(3)
    void aWorkerThatDies_isStartedAgain() {
        long victim = ConnectWorkerProcesses.pidsOf(connectorArn).iterator().next();

        ConnectWorkerProcesses.kill(victim);

        await("a new worker in place of the killed one").atMost(Duration.ofMinutes(1))
                .until(() -> {
                    var pids = ConnectWorkerProcesses.pidsOf(connectorArn);
                    return pids.size() == 2 && !pids.contains(victim);
                });
        assertThat(Connectors.awaitSettled(connect, connectorArn).connectorState()).isEqualTo(ConnectorState.RUNNING);
        Path sink = files.path().resolve("orders.txt");
        produce(List.of("after the restart"));
        await("records still reaching the sink").atMost(Duration.ofMinutes(2))
                .until(() -> Files.readAllLines(sink).contains("after the restart"));
    }

    /**
     * PauseConnector, ResumeConnector and RestartConnector come from MSK Connect's newest API (the AWS
     * SDK for JavaScript v3 has them; the Java SDK here does not), so they are sent signed by hand.
     */
    @Test
    @Order(4)
    void aConnector_pausedResumedAndRestarted_movesRecordsOnlyWhileItRuns() throws Exception {
        var http = new SignedHttp(cluster.streamplane().endpoint(), "kafkaconnect");
        String path = "/v1/connectors/" + encode(connectorArn);
        Path sink = files.path().resolve("orders.txt");

        var pause = control(http, "PUT", path + "/pause", Map.of());
        assertThat(pause.path("connectorArn").asText()).isEqualTo(connectorArn);
        awaitState("PAUSED");
        assertOperation(pause.path("connectorOperationArn").asText(), "PAUSE_CONNECTOR", "PAUSE_COMPLETE");
        produce(List.of("while paused"));
        await("the paused connector to leave the record where it is").during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(10)).until(() -> !Files.readAllLines(sink).contains("while paused"));
        assertThat(ConnectWorkerProcesses.pidsOf(connectorArn)).as("a paused connector's workers").hasSize(2);
        var again = http.send("PUT", path + "/pause", Map.of(), Map.of(), "");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("it must be RUNNING");

        var resume = control(http, "PUT", path + "/resume", Map.of());
        awaitState("RUNNING");
        assertOperation(resume.path("connectorOperationArn").asText(), "RESUME_CONNECTOR", "RESUME_COMPLETE");
        await("the record sent while paused").atMost(Duration.ofMinutes(1))
                .until(() -> Files.readAllLines(sink).contains("while paused"));

        var restart = control(http, "POST", path + "/restart", Map.of());
        awaitState("RUNNING");
        assertOperation(restart.path("connectorOperationArn").asText(), "RESTART_CONNECTOR", "RESTART_COMPLETE");
        var failedOnly = control(http, "POST", path + "/restart", Map.of("onlyFailedTasks", List.of("true")));
        awaitState("RUNNING");
        assertOperation(failedOnly.path("connectorOperationArn").asText(), "RESTART_CONNECTOR", "RESTART_COMPLETE");
        var malformed = http.send("POST", path + "/restart", Map.of("onlyFailedTasks", List.of("maybe")), Map.of(), "");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("onlyFailedTasks");
        produce(List.of("after the restarts"));
        await("records after the restarts").atMost(Duration.ofMinutes(1))
                .until(() -> Files.readAllLines(sink).contains("after the restarts"));
    }

    private static JsonNode control(SignedHttp http, String method, String path, Map<String, List<String>> query)
            throws Exception {
        var response = http.send(method, path, query, Map.of(), "");
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private void awaitState(String state) {
        await("the connector to be " + state).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> connect.describeConnector(r -> r.connectorArn(connectorArn)).connectorStateAsString(),
                        state::equals);
    }

    private void assertOperation(String operationArn, String type, String state) {
        var operation = connect.describeConnectorOperation(r -> r.connectorOperationArn(operationArn));
        assertThat(operation.connectorOperationTypeAsString()).isEqualTo(type);
        assertThat(operation.connectorOperationStateAsString()).isEqualTo(state);
        assertThat(operation.operationSteps()).extracting(s -> s.stepTypeAsString() + " " + s.stepStateAsString())
                .containsExactly("INITIALIZE_UPDATE COMPLETED", "FINALIZE_UPDATE COMPLETED");
    }

    @Test
    @Order(5)
    void anAutoscaledConnector_scalesIn_whileItsWorkersAreIdle() {
        String version = connect.describeConnector(r -> r.connectorArn(connectorArn)).currentVersion();
        int before = connect.listConnectorOperations(r -> r.connectorArn(connectorArn)).connectorOperations().size();

        connect.updateConnector(r -> r.connectorArn(connectorArn).currentVersion(version)
                .capacity(c -> c.autoScaling(a -> a.mcuCount(1).minWorkerCount(1).maxWorkerCount(2)
                        .scaleInPolicy(p -> p.cpuUtilizationPercentage(50))
                        .scaleOutPolicy(p -> p.cpuUtilizationPercentage(95)))));

        var scaled = Connectors.awaitSettled(connect, connectorArn);
        assertThat(scaled.connectorState()).as("%s", scaled.stateDescription()).isEqualTo(ConnectorState.RUNNING);
        assertThat(scaled.capacity().autoScaling().maxWorkerCount())
                .isEqualTo(2);
        await("an idle worker scaled in").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ConnectWorkerProcesses.pidsOf(connectorArn).size() == 1);
        var operations = connect.listConnectorOperations(r -> r.connectorArn(connectorArn)).connectorOperations();
        assertThat(operations).as("the update, then the scaling, each an operation").hasSize(before + 2);
        assertThat(operations.get(0).connectorOperationType()).isEqualTo(ConnectorOperationType.UPDATE_WORKER_SETTING);
        var afterScaling = Connectors.awaitSettled(connect, connectorArn);
        assertThat(afterScaling.connectorState()).as("%s", afterScaling.stateDescription())
                .isEqualTo(ConnectorState.RUNNING);
        await("the scaling operation complete").atMost(Duration.ofMinutes(1)).until(() -> connect
                .describeConnectorOperation(r -> r.connectorOperationArn(operations.get(0).connectorOperationArn()))
                .connectorOperationState() == ConnectorOperationState.UPDATE_COMPLETE);
    }

    @Test
    @Order(6)
    void anAutoscaledConnector_scalesOut_whileItsWorkersAreBusy() throws Exception {
        String version = connect.describeConnector(r -> r.connectorArn(connectorArn)).currentVersion();
        // An idle worker uses about 5% of its processor here; one that sinks a flood of records, far
        // more, yet on a machine busy with other clusters its share of the processors may stay below 25%.
        connect.updateConnector(r -> r.connectorArn(connectorArn).currentVersion(version)
                .capacity(c -> c.autoScaling(a -> a.mcuCount(1).minWorkerCount(1).maxWorkerCount(2)
                        .scaleInPolicy(p -> p.cpuUtilizationPercentage(5))
                        .scaleOutPolicy(p -> p.cpuUtilizationPercentage(15)))));
        assertThat(Connectors.awaitSettled(connect, connectorArn).connectorState()).isEqualTo(ConnectorState.RUNNING);
        assertThat(ConnectWorkerProcesses.pidsOf(connectorArn)).hasSize(1);

        var flooding = new AtomicBoolean(true);
        var flood = new Thread(() -> flood(flooding), "flood");
        flood.start();
        try {
            await("a busy worker scaled out").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ConnectWorkerProcesses.pidsOf(connectorArn).size() == 2);
        } finally {
            flooding.set(false);
            flood.join(Duration.ofMinutes(1).toMillis());
        }
        var scaled = Connectors.awaitSettled(connect, connectorArn);
        assertThat(scaled.connectorState()).as("%s", scaled.stateDescription()).isEqualTo(ConnectorState.RUNNING);
        var scaling = connect.listConnectorOperations(r -> r.connectorArn(connectorArn)).connectorOperations().get(0);
        assertThat(scaling.connectorOperationType()).isEqualTo(ConnectorOperationType.UPDATE_WORKER_SETTING);
        await("the scaling operation complete").atMost(Duration.ofMinutes(1)).until(() -> connect
                .describeConnectorOperation(r -> r.connectorOperationArn(scaling.connectorOperationArn()))
                .connectorOperationState() == ConnectorOperationState.UPDATE_COMPLETE);
        // A fixed size again, so that no scaling happens under the tests that follow.
        String scaledVersion = scaled.currentVersion();
        connect.updateConnector(r -> r.connectorArn(connectorArn).currentVersion(scaledVersion)
                .capacity(c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(2))));
        assertThat(Connectors.awaitSettled(connect, connectorArn).connectorState()).isEqualTo(ConnectorState.RUNNING);
        assertThat(ConnectWorkerProcesses.pidsOf(connectorArn)).hasSize(2);
    }

    @Test
    @Order(7)
    void aConnectorWhoseTaskFails_isFailed_withTheTasksError() {
        var created = connect.createConnector(connector("unwritable", Map.of("topics", TOPIC, "file",
                "/proc/streamplane/no/such/dir/out.txt"), c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(1))));
        try {
            var failed = Connectors.awaitSettled(connect, created.connectorArn());
            assertThat(failed.connectorState()).isEqualTo(ConnectorState.FAILED);
            assertThat(failed.stateDescription().message()).contains("Task 0 failed");
        } finally {
            connect.deleteConnector(r -> r.connectorArn(created.connectorArn()));
            Connectors.awaitGone(connect, created.connectorArn());
        }
        assertThat(ConnectWorkerProcesses.pidsOf(created.connectorArn())).isEmpty();
    }

    @Test
    @Order(8)
    void badRequests_areRefusedAndCreateNothing() {
        Consumer<Capacity.Builder> one =
                c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(1));
        assertThatThrownBy(() -> connect.createConnector(connector("bad-class", Map.of("connector.class",
                "com.example.NoSuchConnector", "topics", TOPIC), one)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("com.example.NoSuchConnector");
        assertThatThrownBy(() -> connect.createConnector(connector("bad-mcu", Map.of("topics", TOPIC),
                c -> c.provisionedCapacity(p -> p.mcuCount(3).workerCount(1)))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("mcuCount must be 1, 2, 4 or 8");
        assertThatThrownBy(() -> connect.createConnector(connector("bad-workers", Map.of("topics", TOPIC),
                c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(11)))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("workerCount must be between 1 and 10");
        assertThatThrownBy(() -> connect.createConnector(connector("no-plugin", Map.of("topics", TOPIC), one)
                .toBuilder().plugins(p -> p.customPlugin(c -> c.customPluginArn(pluginArn + "x").revision(1L))).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> connect.updateConnector(r -> r.connectorArn(connectorArn).currentVersion("KSTALE")
                .capacity(c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(1)))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("isn't current");
        assertThatThrownBy(() -> connect.deleteCustomPlugin(r -> r.customPluginArn(pluginArn)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("used by a connector");
        assertThat(connect.listConnectors(r -> r.connectorNamePrefix("bad-")).connectors()).isEmpty();
        assertThat(connect.listConnectors(r -> r.connectorNamePrefix("no-")).connectors()).isEmpty();
    }

    @Test
    @Order(9)
    void everyResponse_usesOnlyTheModelsMembersAndTypes() throws Exception {
        var http = new SignedHttp(cluster.streamplane().endpoint(), "kafkaconnect");
        var conformance = new ModelConformance(ServiceModel.load("/aws-models/kafkaconnect.service.json"));
        String workerConfiguration = connect.createWorkerConfiguration(r -> r.name("conformance")
                .propertiesFileContent(Base64.getEncoder().encodeToString(
                        "key.converter=x\nvalue.converter=y\n".getBytes(StandardCharsets.UTF_8))))
                .workerConfigurationArn();
        String operation = connect.listConnectorOperations(r -> r.connectorArn(connectorArn)).connectorOperations()
                .get(0).connectorOperationArn();
        var responses = Map.of(
                "DescribeConnectorResponse", "/v1/connectors/" + encode(connectorArn),
                "ListConnectorsResponse", "/v1/connectors",
                "ListConnectorOperationsResponse", "/v1/connectors/" + encode(connectorArn) + "/operations",
                "DescribeConnectorOperationResponse", "/v1/connectorOperations/" + encode(operation),
                "DescribeCustomPluginResponse", "/v1/custom-plugins/" + encode(pluginArn),
                "ListCustomPluginsResponse", "/v1/custom-plugins",
                "DescribeWorkerConfigurationResponse", "/v1/worker-configurations/" + encode(workerConfiguration),
                "ListWorkerConfigurationsResponse", "/v1/worker-configurations",
                "ListTagsForResourceResponse", "/v1/tags/" + encode(connectorArn));
        conformance.assertConforms(http, responses);
    }

    @Test
    @Order(10)
    void deleteConnector_stopsItsWorkers_andForgetsIt() {
        var deleting = connect.deleteConnector(r -> r.connectorArn(connectorArn));

        assertThat(deleting.connectorState()).isEqualTo(ConnectorState.DELETING);
        Connectors.awaitGone(connect, connectorArn);
        assertThat(ConnectWorkerProcesses.pidsOf(connectorArn)).isEmpty();
    }

    private CreateConnectorRequest connector(String name, Map<String, String> settings,
                                             Consumer<Capacity.Builder> capacity) {
        var configuration = new HashMap<String, String>();
        configuration.put("connector.class", FileStreamSinkConnector.class.getName());
        configuration.put("tasks.max", "1");
        configuration.putAll(settings);
        return Connectors.request(name, pluginArn, cluster.bootstrap(), configuration, capacity).build();
    }

    private static String encode(String arn) {
        return URLEncoder.encode(arn, StandardCharsets.UTF_8);
    }

    /** Sends records as fast as the cluster takes them until told to stop. */
    private void flood(AtomicBoolean flooding) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (long i = 0; flooding.get(); i++) {
                producer.send(new ProducerRecord<>(TOPIC, "busy " + i));
            }
        }
    }

    private void produce(List<String> values) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            values.forEach(v -> producer.send(new ProducerRecord<>(TOPIC, v)));
            producer.flush();
        }
    }
}

package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.ConnectWorkerProcesses;
import io.streamplane.testkit.Connectors;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.ServerProcess;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.TemporaryDirectory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClusterOperationV2;
import software.amazon.awssdk.services.kafka.model.ClusterState;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server stops in the middle of each kind of operation, and the next one finishes the job.
 * Each operation is opened on a server that is stopped gracefully (SIGTERM) once the operation
 * runs; then it goes through a chain of servers: the first is told to halt (as a SIGKILL would end
 * it) right after recording the operation's next step complete, the next one after the step after
 * that, and so on, then one right after recording the operation's end, and last a server that does
 * not crash. That one must show every cluster ACTIVE on the right spec or gone, no operation
 * unfinished, and exactly the node and worker processes the store knows.
 *
 * <p>One cluster of two brokers lives through the tests, in order: creation, a configuration update
 * that succeeds and one that fails, a scale-out, a connector's creation and deletion, and the
 * cluster's deletion.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashPointIT {
    private static final Duration CRASH_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration HALT_AFTER_THE_END = Duration.ofSeconds(10);
    private static final Pattern CRASH_LINE = Pattern.compile("reached at step (\\d+) of (\\d+): halting");
    private static final String GOOD_SELECTOR = "org.apache.kafka.common.replica.RackAwareReplicaSelector";
    private final String nodeNetwork = StreamplaneFixture.freeNodeNetwork();
    /** Kept under target/ so that a failure can be read afterwards. */
    private final Path log = Path.of("target", "crash-point-test-server.log").toAbsolutePath();
    private TemporaryDirectory work;
    private Path dataDir;
    private ServerProcess server;
    private String clusterArn;
    private String connectorArn;
    private final List<String> crashes = new ArrayList<>();
    /** Every server started, so that none outlives the test whatever fails. */
    private final List<ServerProcess> servers = new ArrayList<>();

    @BeforeAll
    void prepare() throws Exception {
        work = TemporaryDirectory.create("streamplane-crash-points");
        dataDir = work.path().resolve("data");
        Files.deleteIfExists(log);
    }

    @AfterAll
    void cleanUp() throws Exception {
        System.out.println("Crash points passed: " + crashes.size() + " " + crashes);
        try {
            if (server != null && server.isAlive()) {
                server.stop();
            }
        } finally {
            servers.forEach(ServerProcess::close);
            if (connectorArn != null) {
                ConnectWorkerProcesses.killAll(connectorArn);
            }
            if (clusterArn != null) {
                NodeProcesses.killAll(clusterArn);
            }
            work.close();
        }
    }

    @Test
    @Order(1)
    void aCreationKilledAtEveryStep_endsActive_withOneProcessPerNode() throws Exception {
        stoppedGracefullyMidway("CREATE_CLUSTER", kafka -> {
            Clusters.createCluster(kafka, "crash", 2, List.of("subnet-1", "subnet-2"));
            clusterArn = kafka.listClustersV2(r -> { }).clusterInfoList().get(0).clusterArn();
        });
        var operationArn = crashAtEveryBoundary("CREATE_CLUSTER");

        assertCompleted(operationArn);
        assertSettled(ClusterState.ACTIVE, 2);
    }

    @Test
    @Order(2)
    void aConfigurationUpdateKilledAtEveryStep_endsOnTheNewRevision() throws Exception {
        String configuration = client().createConfiguration(r -> r.name("selector").serverProperties(
                SdkBytes.fromUtf8String("replica.selector.class=" + GOOD_SELECTOR))).arn();

        stoppedGracefullyMidway("UPDATE_CLUSTER_CONFIGURATION", kafka -> updateConfiguration(kafka, configuration, 1));
        var operationArn = crashAtEveryBoundary("UPDATE_CLUSTER_CONFIGURATION");

        assertCompleted(operationArn);
        assertSettled(ClusterState.ACTIVE, 2);
        assertThat(configurationRevision()).isEqualTo(1L);
        assertThat(brokerConfig(1, "replica.selector.class")).isEqualTo(GOOD_SELECTOR);
        assertThat(brokerConfig(2, "replica.selector.class")).isEqualTo(GOOD_SELECTOR);
    }

    /**
     * A class no broker can load fails the update at its first broker restart. Killed after recording
     * that failure, before the broker is brought back: the next server keeps the previous revision,
     * never re-applies the failed one, and restores the broker on it.
     */
    @Test
    @Order(3)
    void aFailingConfigurationUpdateKilledAtEveryStep_staysOnThePreviousRevision() throws Exception {
        String configuration = client().describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .currentBrokerSoftwareInfo().configurationArn();
        client().updateConfiguration(r -> r.arn(configuration).serverProperties(SdkBytes.fromUtf8String(
                "replica.selector.class=org.example.NoSuchReplicaSelector")));

        stoppedGracefullyMidway("UPDATE_CLUSTER_CONFIGURATION", kafka -> updateConfiguration(kafka, configuration, 2));
        var operationArn = crashAtEveryBoundary("UPDATE_CLUSTER_CONFIGURATION");

        var operation = operation(operationArn);
        assertThat(operation.operationState()).isEqualTo("UPDATE_FAILED");
        assertThat(operation.provisioned().operationSteps()).extracting(s -> s.stepInfo().stepStatus())
                .contains("FAILED");
        Clusters.awaitState(client(), clusterArn, ClusterState.ACTIVE);
        assertThat(configurationRevision()).as("the revision before the failed one").isEqualTo(1L);
        await("the failed broker to be restored on the previous revision").atMost(Duration.ofMinutes(3))
                .ignoreExceptions().until(() -> GOOD_SELECTOR.equals(brokerConfig(1, "replica.selector.class")));
        assertSettled(ClusterState.ACTIVE, 2);
    }

    @Test
    @Order(4)
    void aScaleOutKilledAtEveryStep_endsWithTheNewBrokers() throws Exception {
        stoppedGracefullyMidway("UPDATE_BROKER_COUNT", kafka -> kafka.updateBrokerCount(r -> r
                .clusterArn(clusterArn).currentVersion(currentVersion(kafka)).targetNumberOfBrokerNodes(4)));
        var operationArn = crashAtEveryBoundary("UPDATE_BROKER_COUNT");

        assertCompleted(operationArn);
        assertSettled(ClusterState.ACTIVE, 4);
    }

    /**
     * Killed once its first worker runs, most often before the server recorded its workers; then
     * stopped gracefully while it is created anew. The next server stops any worker no record names
     * (or adopts those the killed one recorded in time) and runs the connector's two workers, one
     * process each.
     */
    @Test
    @Order(5)
    void aConnectorCreationKilledAndStopped_endsRunning_onExactlyItsWorkers() throws Exception {
        server = plainServer();
        var connect = connectClient();
        var s3 = StreamplaneFixture.s3Client(server.endpoint(), StreamplaneFixture.ACCESS_KEY_ID,
                StreamplaneFixture.SECRET_ACCESS_KEY);
        s3.createBucket(r -> r.bucket("plugins"));
        s3.putObject(r -> r.bucket("plugins").key("file-connector.jar"), RequestBody.fromFile(Path.of(
                FileStreamSinkConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI())));
        String pluginArn = Connectors.activePlugin(connect, "file", CustomPluginContentType.JAR, "plugins",
                "file-connector.jar");
        String bootstrap = Clusters.bootstrap(client(), clusterArn);
        connectorArn = connect.createConnector(Connectors.request("crash-sink", pluginArn, bootstrap,
                Map.of("connector.class", FileStreamSinkConnector.class.getName(), "tasks.max", "1",
                        "topics", "crash-topic", "file", work.path().resolve("sink.txt").toString()),
                c -> c.provisionedCapacity(p -> p.mcuCount(1).workerCount(2))).build()).connectorArn();

        await("the first worker to start").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> !ConnectWorkerProcesses.pidsOf(connectorArn).isEmpty());
        server.kill();
        Set<Long> startedBeforeTheKill = ConnectWorkerProcesses.pidsOf(connectorArn);
        crashes.add("CREATE_CONNECTOR/kill with " + startedBeforeTheKill.size() + " worker(s) started");

        server = plainServer();
        // Ready, the new server has stopped the workers no record names; the kill may have come just
        // after the workers were recorded, and then it adopts them instead.
        await("the connector's two workers under the new server").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(50)).until(() -> ConnectWorkerProcesses.pidsOf(connectorArn).size() == 2);
        crashes.add(ConnectWorkerProcesses.pidsOf(connectorArn).equals(startedBeforeTheKill)
                ? "CREATE_CONNECTOR/workers recorded before the kill, adopted" : "CREATE_CONNECTOR/unrecorded workers replaced");
        assertThat(server.stop()).as("the exit code of a JVM stopped by SIGTERM").isEqualTo(143);
        crashes.add("CREATE_CONNECTOR/SIGTERM");
        assertThat(ConnectWorkerProcesses.pidsOf(connectorArn)).as("workers left by a graceful stop").isEmpty();

        server = plainServer();
        Connectors.awaitRunning(connectClient(), connectorArn);
        await("two worker processes").atMost(Duration.ofSeconds(30))
                .until(() -> ConnectWorkerProcesses.pidsOf(connectorArn).size() == 2);
        assertThat(ConnectWorkerProcesses.pidsOf(connectorArn)).doesNotContainAnyElementsOf(startedBeforeTheKill);
        Clusters.awaitState(client(), clusterArn, ClusterState.ACTIVE);
    }

    @Test
    @Order(6)
    void aConnectorDeletionKilledAtOnce_isFinishedByTheNextServer() throws Exception {
        server = plainServer();
        Connectors.awaitRunning(connectClient(), connectorArn);
        connectClient().deleteConnector(r -> r.connectorArn(connectorArn));
        server.kill();
        crashes.add("DELETE_CONNECTOR/kill");
        // The next server resumes the deletion in the background once it is up; it is stopped then.
        server = plainServer();
        assertThat(server.stop()).as("the exit code of a JVM stopped by SIGTERM").isEqualTo(143);
        crashes.add("DELETE_CONNECTOR/SIGTERM");
        assertThat(ConnectWorkerProcesses.pidsOf(connectorArn)).as("workers left by a graceful stop").isEmpty();

        server = plainServer();
        Connectors.awaitGone(connectClient(), connectorArn);
        await("the connector's workers to stop").atMost(Duration.ofMinutes(1))
                .until(() -> ConnectWorkerProcesses.pidsOf(connectorArn).isEmpty());
        connectorArn = null;
    }

    @Test
    @Order(7)
    void aDeletionStoppedGracefullyAndKilledAtEveryStep_leavesNothingBehind() throws Exception {
        String operationArn = stoppedGracefullyMidway("DELETE_CLUSTER", kafka -> {
            Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
            kafka.deleteCluster(r -> r.clusterArn(clusterArn));
        });
        crashAtEveryBoundary("DELETE_CLUSTER", kafka -> Optional.of(operationArn));

        Clusters.awaitGone(client(), clusterArn);
        assertThat(operation(operationArn).operationState()).isEqualTo("UPDATE_COMPLETE");
        assertThat(client().listClustersV2(r -> { }).clusterInfoList()).isEmpty();
        assertThat(NodeProcesses.pidsOf(clusterArn)).isEmpty();
        clusterArn = null;
    }

    /**
     * Opens the operation on a server and stops that server gracefully (SIGTERM) once the operation
     * runs. The stop must fail nothing, as the crashes that follow show: they take the operation up
     * where the stop left it, and it ends complete only if it was left unfinished. And the stop
     * leaves none of the cluster's nodes running.
     */
    private String stoppedGracefullyMidway(String type, Consumer<KafkaClient> request) throws Exception {
        server = plainServer();
        request.accept(client());
        String operationArn = newestOperation(client(), type).orElseThrow();
        await("the operation to run").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> operation(operationArn).operationState().equals("UPDATE_IN_PROGRESS"));
        assertThat(server.stop()).as("the exit code of a JVM stopped by SIGTERM").isEqualTo(143);
        crashes.add(type + "/SIGTERM");
        assertThat(NodeProcesses.pidsOf(clusterArn)).as("nodes left by a graceful stop").isEmpty();
        return operationArn;
    }

    /**
     * Takes an unfinished operation up through servers that halt right after recording its next
     * step complete, one after another, then through one that halts right after recording its end,
     * and leaves a server that does not crash running. Each crashed server's last line says how many
     * of its steps the operation has complete.
     */
    private String crashAtEveryBoundary(String type) throws Exception {
        return crashAtEveryBoundary(type, kafka -> newestOperation(kafka, type));
    }

    private String crashAtEveryBoundary(String type, Function<KafkaClient, Optional<String>> lookUp) throws Exception {
        int next = 1;
        boolean crashedAtTheEnd = false;
        while (!crashedAtTheEnd) {
            server = crashingServer(type + "/" + next);
            assertThat(crashedBeforeTheEnd(lookUp)).as("a crash at " + type + "/" + next).isTrue();
            var reached = lastCrashPoint();
            if (reached.isEmpty()) {
                crashes.add(type + "/ended, failed at a step");
                crashedAtTheEnd = true;
            } else if (reached.get()[0] < reached.get()[1]) {
                crashes.add(type + "/" + reached.get()[0] + " of " + reached.get()[1]);
                next = reached.get()[0] + 1;
            } else {
                crashes.add(type + "/" + reached.get()[0] + " of " + reached.get()[1]);
                server = crashingServer(type + "/ended");
                assertThat(server.awaitExit(CRASH_TIMEOUT)).as("the crash at " + type + "/ended").isEqualTo(137);
                crashes.add(type + "/ended");
                crashedAtTheEnd = true;
            }
        }
        server = plainServer();
        String operationArn = lookUp.apply(client()).orElseThrow();
        assertThat(operation(operationArn).operationState()).as("the operation after its last crash")
                .isIn("UPDATE_COMPLETE", "UPDATE_FAILED");
        return operationArn;
    }

    /** The newest operation of the type on the one cluster there is, if the cluster is there. */
    private static Optional<String> newestOperation(KafkaClient kafka, String type) {
        return kafka.listClustersV2(r -> { }).clusterInfoList().stream().findFirst()
                .flatMap(cluster -> kafka.listClusterOperationsV2(r -> r.clusterArn(cluster.clusterArn()))
                        .clusterOperationInfoList().stream().filter(o -> o.operationType().equals(type)).findFirst())
                .map(o -> o.operationArn());
    }

    /** Waits for the server to halt at its crash point (true), or for the operation to end without it (false). */
    private boolean crashedBeforeTheEnd(Function<KafkaClient, Optional<String>> lookUp) {
        return await("a crash at the next step").atMost(CRASH_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!server.isAlive()) {
                        return Optional.of(true);
                    }
                    try {
                        var arn = lookUp.apply(client());
                        if (arn.isEmpty()) {
                            return Optional.<Boolean>empty();
                        }
                        var state = operation(arn.get()).operationState();
                        // A server whose crash point lies beyond the steps the operation took halts
                        // right after recording its end, and a look can come between the two.
                        return state.equals("UPDATE_COMPLETE") || state.equals("UPDATE_FAILED")
                                ? Optional.of(server.exitsWithin(HALT_AFTER_THE_END)) : Optional.<Boolean>empty();
                    } catch (RuntimeException notAnswering) {
                        return Optional.<Boolean>empty();
                    }
                }, Optional::isPresent).orElseThrow();
    }

    /**
     * The step count and the step total the last crashed server wrote as it halted; empty when it
     * halted at the operation's end instead (the operation failed before the step counted to).
     */
    private Optional<int[]> lastCrashPoint() throws Exception {
        var lines = Files.readAllLines(log);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains("reached at its end: halting")) {
                return Optional.empty();
            }
            var matcher = CRASH_LINE.matcher(lines.get(i));
            if (matcher.find()) {
                return Optional.of(new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))});
            }
        }
        throw new IllegalStateException("No crash point in " + log);
    }

    private void assertCompleted(String operationArn) {
        var operation = operation(operationArn);
        assertThat(operation.operationState()).isEqualTo("UPDATE_COMPLETE");
        assertThat(operation.provisioned().operationSteps())
                .allSatisfy(s -> assertThat(s.stepInfo().stepStatus()).isEqualTo("COMPLETE"));
    }

    /** The cluster is in the state with its brokers, no operation unfinished, one process per node. */
    private void assertSettled(ClusterState state, int brokers) {
        var kafka = client();
        Clusters.awaitState(kafka, clusterArn, state);
        assertThat(kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .numberOfBrokerNodes()).isEqualTo(brokers);
        assertThat(kafka.listClusterOperationsV2(r -> r.clusterArn(clusterArn)).clusterOperationInfoList())
                .allSatisfy(o -> assertThat(o.operationState()).isIn("UPDATE_COMPLETE", "UPDATE_FAILED"));
        assertThat(kafka.listNodes(r -> r.clusterArn(clusterArn)).nodeInfoList()).hasSize(brokers);
        await("one process per node: " + brokers + " brokers and 3 controllers").atMost(Duration.ofMinutes(2))
                .until(() -> NodeProcesses.pidsOf(clusterArn).size() == brokers + 3);
    }

    private void updateConfiguration(KafkaClient kafka, String configuration, long revision) {
        kafka.updateClusterConfiguration(r -> r.clusterArn(clusterArn).currentVersion(currentVersion(kafka))
                .configurationInfo(c -> c.arn(configuration).revision(revision)));
    }

    private long configurationRevision() {
        return client().describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .currentBrokerSoftwareInfo().configurationRevision();
    }

    /** The value broker {@code id} runs with, as Kafka reports it. */
    private String brokerConfig(int id, String name) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Clusters.bootstrap(client(), clusterArn)))) {
            var resource = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(id));
            var entry = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get(name);
            return entry == null ? null : entry.value();
        }
    }

    private ClusterOperationV2 operation(String operationArn) {
        return client().describeClusterOperationV2(r -> r.clusterOperationArn(operationArn)).clusterOperationInfo();
    }

    private static String currentVersion(KafkaClient kafka) {
        return kafka.listClustersV2(r -> { }).clusterInfoList().get(0).currentVersion();
    }

    /**
     * A server that halts at the crash point. The one before it, if it still runs, is killed first
     * (its nodes and workers keep running, for the next to adopt): two never share the data.
     */
    private ServerProcess crashingServer(String crashAt) throws InterruptedException {
        killRunningServer();
        var started = ServerProcess.crashingAt(dataDir, nodeNetwork, log, crashAt);
        servers.add(started);
        return started;
    }

    private ServerProcess plainServer() throws InterruptedException {
        killRunningServer();
        var started = ServerProcess.start(dataDir, nodeNetwork, log);
        servers.add(started);
        return started;
    }

    private void killRunningServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.kill();
        }
    }

    private KafkaClient client() {
        return StreamplaneFixture.kafkaClient(server.endpoint(), StreamplaneFixture.ACCESS_KEY_ID,
                StreamplaneFixture.SECRET_ACCESS_KEY);
    }

    private KafkaConnectClient connectClient() {
        return StreamplaneFixture.kafkaConnectClient(server.endpoint());
    }
}

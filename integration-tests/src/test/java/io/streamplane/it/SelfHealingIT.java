package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.NodeProcesses;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected under live acks=all traffic: brokers and controllers killed with SIGKILL, a whole
 * availability zone lost at once, a broker's data wiped. Each time the health monitor restores the
 * nodes (HEALING, then ACTIVE, with a HEAL_CLUSTER operation in the history) and no acknowledged
 * record is lost, duplicated or reordered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SelfHealingIT extends LiveClusterIT {
    SelfHealingIT() {
        super("healing", Clusters.KAFKA_VERSION);
    }

    @Test
    @Order(1)
    void aKilledBroker_isRestartedWithItsData() throws Exception {
        int broker = 1 + ThreadLocalRandom.current().nextInt(3);
        healUnderTraffic(List.of(broker), () -> NodeProcesses.kill(clusterArn, broker));
    }

    @Test
    @Order(2)
    void losingAWholeZone_brokerAndControllerAtOnce_isSurvived() throws Exception {
        // Zone 2 holds broker 2 and controller 3002.
        healUnderTraffic(List.of(3002, 2), () -> NodeProcesses.kill(clusterArn, 2, 3002));
    }

    @Test
    @Order(3)
    void aKilledActiveController_isReplacedByAnElection_andRestarted() throws Exception {
        int active;
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            active = admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
        }
        assertThat(active).isBetween(3001, 3003);
        healUnderTraffic(List.of(active), () -> NodeProcesses.kill(clusterArn, active));
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId())
                    .isBetween(3001, 3003);
        }
    }

    @Test
    @Order(4)
    void aBrokerWhoseDataIsLost_isRebuiltEmpty_andFilledAgainFromItsPeers() throws Exception {
        Path data = streamplane.dataDir().resolve("clusters").resolve(NodeProcesses.clusterUuid(clusterArn))
                .resolve("nodes").resolve("3").resolve("data");
        healUnderTraffic(List.of(3), () -> {
            NodeProcesses.kill(clusterArn, 3);
            deleteTree(data);
        });
        try (Stream<Path> partitions = Files.list(data)) {
            assertThat(partitions.map(p -> p.getFileName().toString()))
                    .as("the rebuilt broker holds its replicas again").contains(TOPIC + "-0", TOPIC + "-5");
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

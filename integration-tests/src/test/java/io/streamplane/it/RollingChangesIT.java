package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.TrafficAuditor;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Changes to a running cluster under live acks=all traffic: a static change rolls every broker
 * (and the controllers) one at a time, a dynamic one applies with no restart, a reboot restarts one
 * broker; through all of it no send fails and every acknowledged record arrives once, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollingChangesIT extends LiveClusterIT {
    RollingChangesIT() {
        super("rolling", Clusters.KAFKA_VERSION);
    }

    @Test
    @Order(1)
    void aStaticChange_rollsEveryNodeWithoutLosingOrFailingARecord() throws Exception {
        String configuration = kafka.createConfiguration(r -> r.name("rolled").serverProperties(
                SdkBytes.fromUtf8String("auto.create.topics.enable=true\nlog.retention.hours=48"))).arn();
        var brokersBefore = NodeProcesses.pidsOf(clusterArn);

        var operation = changeUnderTraffic(() -> updateConfiguration(configuration, 1));

        assertThat(operation.operationType()).isEqualTo("UPDATE_CLUSTER_CONFIGURATION");
        assertThat(operation.provisioned().operationSteps()).extracting(s -> s.stepName()).containsExactly(
                "WRITE_NODE_CONFIGURATION", "APPLY_DYNAMIC_CONFIGURATION", "RESTART_BROKER_1",
                "RESTART_BROKER_2", "RESTART_BROKER_3", "RESTART_CONTROLLERS");
        assertThat(NodeProcesses.pidsOf(clusterArn)).hasSize(6).doesNotContainAnyElementsOf(brokersBefore);
        assertThat(brokerConfig("log.retention.hours")).isEqualTo("48");
        assertThat(brokerConfig("auto.create.topics.enable")).isEqualTo("true");
        var software = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .currentBrokerSoftwareInfo();
        assertThat(software.configurationArn()).isEqualTo(configuration);
        assertThat(software.configurationRevision()).isEqualTo(1L);
    }

    @Test
    @Order(2)
    void aDynamicChange_appliesLiveWithoutRestartingAnything() throws Exception {
        String configuration = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .currentBrokerSoftwareInfo().configurationArn();
        kafka.updateConfiguration(r -> r.arn(configuration).serverProperties(SdkBytes.fromUtf8String(
                "auto.create.topics.enable=true\nlog.retention.hours=48\nmessage.max.bytes=2097152")));
        var nodes = NodeProcesses.pidsOf(clusterArn);

        String operationArn = updateConfiguration(configuration, 2);
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);

        assertThat(NodeProcesses.pidsOf(clusterArn)).isEqualTo(nodes);
        assertThat(kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn)).clusterOperationInfo()
                .provisioned().operationSteps()).extracting(s -> s.stepName())
                .containsExactly("WRITE_NODE_CONFIGURATION", "APPLY_DYNAMIC_CONFIGURATION");
        await("message.max.bytes to reach the brokers").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> brokerConfig("message.max.bytes").equals("2097152"));
    }

    @Test
    @Order(3)
    void rebootBroker_restartsOnlyThatBroker() throws Exception {
        var before = NodeProcesses.pidsOf(clusterArn);
        try (var auditor = new TrafficAuditor(bootstrap, TOPIC, PARTITIONS)
                .paced(TrafficAuditor.TEST_RECORDS_PER_SECOND).start()) {
            await("traffic to flow").atMost(Duration.ofSeconds(60)).until(() -> auditor.acknowledgedCount() > 50);
            kafka.rebootBroker(r -> r.clusterArn(clusterArn).brokerIds("2"));
            assertThat(state()).isEqualTo(ClusterState.REBOOTING_BROKER);
            Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
            var report = auditor.stop(Duration.ofSeconds(90));
            assertThat(report.undisturbed()).as(report.toString()).isTrue();
        }
        var after = NodeProcesses.pidsOf(clusterArn);
        assertThat(after).hasSize(6);
        assertThat(before.stream().filter(p -> !after.contains(p)).count()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void updateBrokerType_restartsEachBrokerWithTheResourcesOfTheNewType() throws Exception {
        String version = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().currentVersion();

        String operationArn = kafka.updateBrokerType(r -> r.clusterArn(clusterArn).currentVersion(version)
                .targetInstanceType("kafka.m5.2xlarge")).clusterOperationArn();
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);

        var info = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo();
        assertThat(info.provisioned().brokerNodeGroupInfo().instanceType()).isEqualTo("kafka.m5.2xlarge");
        assertThat(kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn)).clusterOperationInfo()
                .operationState()).isEqualTo("UPDATE_COMPLETE");
        var heaps = NodeProcesses.pidsOf(clusterArn).stream()
                .map(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse(""))
                .filter(command -> command.contains("-Xmx2048m")).count();
        assertThat(heaps).as("brokers with the 2 GiB heap of kafka.m5.2xlarge").isEqualTo(3);
        assertThat(brokerConfig("num.io.threads")).as("request handler threads of 8 vCPUs").isEqualTo("16");
        assertThat(brokerConfig("num.network.threads")).as("network threads of 8 vCPUs").isEqualTo("8");
        assertThatThrownBy(() -> kafka.updateBrokerType(r -> r.clusterArn(clusterArn)
                .currentVersion(kafka.describeClusterV2(d -> d.clusterArn(clusterArn)).clusterInfo().currentVersion())
                .targetInstanceType("kafka.x1.huge")))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.invalidParameter()).isEqualTo("targetInstanceType"));
    }

    @Test
    @Order(5)
    void badUpdates_areRefusedAndChangeNothing() {
        String configuration = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .currentBrokerSoftwareInfo().configurationArn();

        assertThatThrownBy(() -> kafka.updateClusterConfiguration(r -> r.clusterArn(clusterArn)
                .currentVersion("KSTALE").configurationInfo(c -> c.arn(configuration).revision(1L))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("isn't current");
        assertThatThrownBy(() -> updateConfiguration(configuration, 9))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("has no revision 9");
        assertThatThrownBy(() -> kafka.rebootBroker(r -> r.clusterArn(clusterArn).brokerIds("7")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("has no broker 7");

        // A reboot takes seconds, long enough to be sure the cluster is still busy when the update arrives.
        kafka.rebootBroker(r -> r.clusterArn(clusterArn).brokerIds("1"));
        assertThatThrownBy(() -> updateConfiguration(configuration, 1))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("while it is in REBOOTING_BROKER state");
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
        assertThat(kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .currentBrokerSoftwareInfo().configurationRevision()).as("the refused update changed nothing")
                .isEqualTo(2L);
    }

    private String updateConfiguration(String configurationArn, long revision) {
        String version = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().currentVersion();
        return kafka.updateClusterConfiguration(r -> r.clusterArn(clusterArn).currentVersion(version)
                .configurationInfo(c -> c.arn(configurationArn).revision(revision))).clusterOperationArn();
    }

    private String brokerConfig(String name) throws Exception {
        try (var admin = admin()) {
            var resource = new ConfigResource(ConfigResource.Type.BROKER, "1");
            return admin.describeConfigs(Set.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get(name).value();
        }
    }
}

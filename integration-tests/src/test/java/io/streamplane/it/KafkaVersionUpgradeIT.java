package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.NodeProcesses;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A cluster created on MSK's {@code 3.9.x.kraft}, a Kafka release the server does not bundle (3.9.2,
 * fetched from Maven Central on first use), which rolls a configuration and heals a killed broker,
 * and is upgraded under live acks=all traffic to the bundled 4.1 one: every node restarts on the new
 * release, the metadata version is finalised, and no acknowledged record is lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaVersionUpgradeIT extends LiveClusterIT {
    private static final String OLD_VERSION = "3.9.x.kraft";
    private static final String OLD_LIBS = "/3.9.2/libs";

    KafkaVersionUpgradeIT() {
        super("upgraded", OLD_VERSION);
    }

    @Test
    @Order(1)
    void theOlderReleaseRuns_atItsOwnMetadataVersion_andNewerOnesAreOfferedAsTargets() throws Exception {
        assertThat(NodeProcesses.pidsOf(clusterArn)).hasSize(6)
                .allSatisfy(pid -> assertThat(commandLine(pid)).contains(OLD_LIBS));
        var features = features();
        assertThat(finalizedMetadataVersion()).as("a new cluster's metadata.version is its release's highest")
                .isEqualTo(features.supportedFeatures().get("metadata.version").maxVersion());
        assertThat(kafka.listKafkaVersions(r -> { }).kafkaVersions()).extracting(v -> v.version())
                .contains(OLD_VERSION, Clusters.KAFKA_VERSION);
        var compatible = kafka.getCompatibleKafkaVersions(r -> r.clusterArn(clusterArn)).compatibleKafkaVersions();
        assertThat(compatible).singleElement().satisfies(c -> {
            assertThat(c.sourceVersion()).isEqualTo(OLD_VERSION);
            assertThat(c.targetVersions()).contains(Clusters.KAFKA_VERSION).doesNotContain(OLD_VERSION);
        });
    }

    @Test
    @Order(2)
    void impossibleTargets_areRefusedAndChangeNothing() {
        String version = currentVersion();
        assertThatThrownBy(() -> upgradeTo(version, OLD_VERSION))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.invalidParameter()).isEqualTo("targetKafkaVersion"))
                .hasMessageContaining("already runs");
        assertThatThrownBy(() -> upgradeTo(version, "3.1.x"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("Unsupported KafkaVersion [3.1.x]");
        assertThatThrownBy(() -> upgradeTo("KSTALE", Clusters.KAFKA_VERSION))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("isn't current");
        var info = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo();
        assertThat(info.state()).isEqualTo(ClusterState.ACTIVE);
        assertThat(info.currentVersion()).isEqualTo(version);
        assertThat(info.provisioned().currentBrokerSoftwareInfo().kafkaVersion()).isEqualTo(OLD_VERSION);
    }

    @Test
    @Order(3)
    void onTheOlderRelease_aStaticChangeRolls_andAKilledBrokerHeals_withoutLosingOrFailingARecord()
            throws Exception {
        String configuration = kafka.createConfiguration(r -> r.name("older-release")
                .serverProperties(SdkBytes.fromUtf8String("log.retention.hours=48"))).arn();
        var operation = changeUnderTraffic(() -> kafka.updateClusterConfiguration(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion()).configurationInfo(c -> c.arn(configuration).revision(1L)))
                .clusterOperationArn());
        assertThat(operation.provisioned().operationSteps()).extracting(s -> s.stepName())
                .contains("RESTART_BROKER_1", "RESTART_BROKER_2", "RESTART_BROKER_3");

        healUnderTraffic(List.of(3), () -> NodeProcesses.kill(clusterArn, 3));
    }

    @Test
    @Order(4)
    void anUpgrade_rollsEveryNodeOntoTheNewRelease_withoutLosingOrFailingARecord() throws Exception {
        short metadataVersionBefore = finalizedMetadataVersion();
        var operation = changeUnderTraffic(() -> upgradeTo(currentVersion(), Clusters.KAFKA_VERSION));

        assertThat(operation.operationType()).isEqualTo("UPDATE_CLUSTER_KAFKA_VERSION");
        assertThat(operation.provisioned().operationSteps()).extracting(s -> s.stepName()).containsExactly(
                "INSTALL_KAFKA_RELEASE", "WRITE_NODE_CONFIGURATION", "RESTART_CONTROLLERS", "RESTART_BROKER_1",
                "RESTART_BROKER_2", "RESTART_BROKER_3", "FINALIZE_METADATA_VERSION");
        assertThat(operation.provisioned().sourceClusterInfo().kafkaVersion()).isEqualTo(OLD_VERSION);
        assertThat(operation.provisioned().targetClusterInfo().kafkaVersion()).isEqualTo(Clusters.KAFKA_VERSION);
        assertThat(kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned()
                .currentBrokerSoftwareInfo().kafkaVersion()).isEqualTo(Clusters.KAFKA_VERSION);
        assertThat(NodeProcesses.pidsOf(clusterArn)).hasSize(6)
                .allSatisfy(pid -> assertThat(commandLine(pid)).doesNotContain(OLD_LIBS));
        var features = features();
        assertThat(finalizedMetadataVersion()).as("metadata.version finalised at the new release's level")
                .isGreaterThan(metadataVersionBefore)
                .isEqualTo(features.supportedFeatures().get("metadata.version").maxVersion());
    }

    @Test
    @Order(5)
    void aDowngrade_isRefused() {
        assertThatThrownBy(() -> upgradeTo(currentVersion(), OLD_VERSION))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.invalidParameter()).isEqualTo("targetKafkaVersion"))
                .hasMessageContaining("only upgrades");
    }

    private String upgradeTo(String currentVersion, String target) {
        return kafka.updateClusterKafkaVersion(r -> r.clusterArn(clusterArn).currentVersion(currentVersion)
                .targetKafkaVersion(target)).clusterOperationArn();
    }

    private short finalizedMetadataVersion() throws Exception {
        return features().finalizedFeatures().get("metadata.version").maxVersionLevel();
    }

    private FeatureMetadata features() throws Exception {
        try (var admin = admin()) {
            return admin.describeFeatures().featureMetadata().get(10, TimeUnit.SECONDS);
        }
    }

    private static String commandLine(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
    }
}

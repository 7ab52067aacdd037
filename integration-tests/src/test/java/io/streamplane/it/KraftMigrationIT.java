package io.streamplane.it;

import io.streamplane.testkit.NodeProcesses;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.kafka.model.BadRequestException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A ZooKeeper cluster on MSK's {@code 3.9.x} moved to KRaft in place by UpdateClusterKafkaVersion
 * to {@code 3.9.x.kraft}, as MSK migrates one, under live acks=all traffic: controllers join in
 * migration mode, the brokers roll onto them and then into KRaft, the controllers leave migration
 * mode and the ZooKeeper servers go. Topics, records and ACLs come through; no acknowledged record
 * is lost, duplicated or reordered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KraftMigrationIT extends LiveClusterIT {
    private static final String GUARDED = "guarded";

    KraftMigrationIT() {
        super("migrated", "3.9.x");
    }

    @Test
    @Order(1)
    void a39Cluster_offersTheMoveToKraft_andAnAclIsInPlace() throws Exception {
        assertThat(kafka.getCompatibleKafkaVersions(r -> r.clusterArn(clusterArn)).compatibleKafkaVersions())
                .singleElement().satisfies(c -> assertThat(c.targetVersions()).containsExactly("3.9.x.kraft"));
        try (var admin = admin()) {
            admin.createTopics(List.of(new NewTopic(GUARDED, 1, (short) 3)))
                    .all().get(30, TimeUnit.SECONDS);
            admin.createAcls(guardedAcls()).all().get(10, TimeUnit.SECONDS);
        }
        assertWritesToTheGuardedTopicAreDenied();
    }

    @Test
    @Order(2)
    void theMove_runsEveryStage_andLeavesAKraftClusterWithoutZooKeeper() throws Exception {
        var operation = changeUnderTraffic(() -> kafka.updateClusterKafkaVersion(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion()).targetKafkaVersion("3.9.x.kraft")).clusterOperationArn());

        var steps = operation.provisioned().operationSteps().stream().map(s -> s.stepName()).toList();
        assertThat(steps).startsWith("ADD_CONTROLLERS", "ENABLE_MIGRATION_ON_BROKERS")
                .contains("AWAIT_METADATA_MIGRATION", "MOVE_BROKERS_TO_KRAFT", "RESTART_BROKER_IN_KRAFT_1",
                        "RESTART_BROKER_IN_KRAFT_2", "RESTART_BROKER_IN_KRAFT_3")
                .endsWith("END_MIGRATION_ON_CONTROLLERS", "RESTART_CONTROLLERS", "REMOVE_ZOOKEEPER");
        var info = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned();
        assertThat(info.currentBrokerSoftwareInfo().kafkaVersion()).isEqualTo("3.9.x.kraft");
        assertThat(info.zookeeperConnectString()).as("no ensemble any more").isNull();
        var processes = NodeProcesses.pidsOf(clusterArn);
        assertThat(processes).as("3 brokers and 3 controllers").hasSize(6)
                .noneSatisfy(pid -> assertThat(commandLine(pid)).contains("QuorumPeerMain"));
        try (var admin = admin()) {
            assertThat(admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).voters())
                    .extracting(v -> v.replicaId()).containsExactlyInAnyOrder(3004, 3005, 3006);
            assertThat(admin.describeFeatures().featureMetadata().get(10, TimeUnit.SECONDS).finalizedFeatures())
                    .containsKey("metadata.version");
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains(TOPIC, GUARDED);
        }
    }

    @Test
    @Order(3)
    void theAclCameThrough_andIsEnforcedOnKraft() throws Exception {
        try (var admin = admin()) {
            var filter = new AclBindingFilter(new ResourcePatternFilter(ResourceType.TOPIC, GUARDED,
                    PatternType.LITERAL), AccessControlEntryFilter.ANY);
            assertThat(admin.describeAcls(filter).values().get(10, TimeUnit.SECONDS))
                    .containsExactlyInAnyOrderElementsOf(guardedAcls());
        }
        assertWritesToTheGuardedTopicAreDenied();
    }

    @Test
    @Order(4)
    void goingBackToZooKeeper_isRefused() {
        assertThatThrownBy(() -> kafka.updateClusterKafkaVersion(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion()).targetKafkaVersion("3.9.x")))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.invalidParameter()).isEqualTo("targetKafkaVersion"));
    }

    /** Anonymous clients may see the guarded topic but not write to it. */
    private static List<AclBinding> guardedAcls() {
        var topic = new ResourcePattern(ResourceType.TOPIC, GUARDED, PatternType.LITERAL);
        return List.of(
                new AclBinding(topic, new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.DESCRIBE,
                        AclPermissionType.ALLOW)),
                new AclBinding(topic, new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.WRITE,
                        AclPermissionType.DENY)));
    }

    private void assertWritesToTheGuardedTopicAreDenied() {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000), new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(GUARDED, "k", "denied"))
                    .get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static String commandLine(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
    }
}

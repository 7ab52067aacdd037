package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.KafkaTool;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kafka's own ACLs on every cluster, written with the stock {@code kafka-acls} tool. Plaintext
 * clients are Kafka's {@code User:ANONYMOUS}; the control plane and replication use an internal
 * super user on listeners of their own, so the cluster stays manageable whatever ACLs say.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AclIT extends LiveClusterIT {
    AclIT() {
        super("acls", Clusters.KAFKA_VERSION);
    }

    @Test
    @Order(1)
    void anAclOnATopic_closesItToEveryPrincipalItDoesNotName_andLeavesOtherTopicsOpen() throws Exception {
        Topics.create(bootstrap, "orders", 1);
        Topics.create(bootstrap, "payments", 1);
        assertThat(produces("orders")).as("no ACL yet: allow.everyone.if.no.acl.found=true, as on MSK").isTrue();

        KafkaTool.run(KafkaTool.ACLS, "--bootstrap-server", bootstrap, "--add", "--allow-principal", "User:alice",
                "--operation", "Read", "--topic", "orders").requireSuccess();

        assertThat(produces("orders")).as("ACLs exist for orders, none for ANONYMOUS").isFalse();
        assertThat(produces("payments")).isTrue();
        assertThat(KafkaTool.run(KafkaTool.ACLS, "--bootstrap-server", bootstrap, "--list", "--topic", "orders")
                .requireSuccess().output()).contains("principal=User:alice", "operation=READ", "permissionType=ALLOW");
    }

    @Test
    @Order(2)
    void withoutTheAclDefault_aPrincipalWithoutAclsCanDoNothing_andTheClusterStaysManageable() throws Exception {
        String configuration = kafka.createConfiguration(r -> r.name("no-acl-no-access").serverProperties(
                SdkBytes.fromUtf8String("allow.everyone.if.no.acl.found=false"))).arn();

        String operationArn = kafka.updateClusterConfiguration(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion()).configurationInfo(c -> c.arn(configuration).revision(1L)))
                .clusterOperationArn();
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);

        var operation = kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn)).clusterOperationInfo();
        assertThat(operation.operationState()).isEqualTo("UPDATE_COMPLETE");
        assertThat(operation.provisioned().operationSteps()).extracting(s -> s.stepName()).contains(
                "RESTART_BROKER_1", "RESTART_BROKER_2", "RESTART_BROKER_3", "RESTART_CONTROLLERS");
        assertThat(produces("payments")).isFalse();
        try (var admin = admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).as("topics ANONYMOUS may see").isEmpty();
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("mine", 1, (short) 3))).all()
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ClusterAuthorizationException.class);
        }
        assertThat(KafkaTool.run(KafkaTool.ACLS, "--bootstrap-server", bootstrap, "--add", "--allow-principal",
                "User:ANONYMOUS", "--operation", "All", "--topic", "*").exitCode()).as("granting itself access").isNotZero();

        var before = NodeProcesses.pidsOf(clusterArn);
        kafka.rebootBroker(r -> r.clusterArn(clusterArn).brokerIds("2"));
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
        assertThat(NodeProcesses.pidsOf(clusterArn)).as("broker 2 rebooted, checked safe by the control plane")
                .hasSize(6).containsAnyElementsOf(before).isNotEqualTo(before);
    }

    /** Whether an acks=all send from a plaintext client (User:ANONYMOUS) to the topic succeeds. */
    private boolean produces(String topic) throws InterruptedException {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
                return false;
            }
            throw new AssertionError("send to " + topic + " failed otherwise", e);
        } catch (TopicAuthorizationException e) {
            return false;
        } catch (TimeoutException e) {
            throw new AssertionError("send to " + topic + " timed out", e);
        }
    }
}

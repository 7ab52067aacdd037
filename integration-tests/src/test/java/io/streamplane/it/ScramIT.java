package io.streamplane.it;

import io.streamplane.testkit.ClientSecurity;
import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.KafkaTool;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.ClusterState;
import software.amazon.awssdk.services.kafka.model.UnprocessedScramSecret;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * SASL/SCRAM as on MSK: users are AmazonMSK_ secrets of the Secrets Manager API on the same
 * endpoint, associated with a TLS-only cluster without unauthenticated access; stock Kafka
 * clients and the stock kafka-acls tool authenticate on port 9096.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScramIT {
    private StreamplaneFixture streamplane;
    private KafkaClient kafka;
    private SecretsManagerClient secretsManager;
    private String clusterArn;
    private String caCertificate;
    private String bootstrap;
    private String alice;
    private String bob;

    @BeforeAll
    void createScramCluster() throws Exception {
        streamplane = StreamplaneFixture.start();
        kafka = streamplane.kafkaClient();
        secretsManager = streamplane.secretsManagerClient();
        clusterArn = kafka.createClusterV2(r -> r.clusterName("scram").provisioned(p -> p
                .kafkaVersion(Clusters.KAFKA_VERSION).numberOfBrokerNodes(3)
                .clientAuthentication(a -> a.sasl(s -> s.scram(c -> c.enabled(true)))
                        .unauthenticated(u -> u.enabled(false)))
                .brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large")
                        .clientSubnets("subnet-1", "subnet-2", "subnet-3")))).clusterArn();
        alice = secret("AmazonMSK_alice", "{\"username\":\"alice\",\"password\":\"alice-secret\"}");
        bob = secret("AmazonMSK_bob", "{\"username\":\"bob\",\"password\":\"bob-secret\"}");
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
        caCertificate = streamplane.caCertificate();
        bootstrap = kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn)).bootstrapBrokerStringSaslScram();
    }

    @AfterAll
    void stop() {
        StreamplaneFixture.stop(streamplane, clusterArn);
    }

    @Test
    @Order(1)
    void associatingSecrets_makesTheirUsers_andReportsEachSecretThatCannotBeUsed() {
        String unprefixed = secret("carol", "{\"username\":\"carol\",\"password\":\"c\"}");
        String malformed = secret("AmazonMSK_dave", "dave:not-json");
        String missing = alice.replace("AmazonMSK_alice", "AmazonMSK_nobody");

        var unprocessed = kafka.batchAssociateScramSecret(r -> r.clusterArn(clusterArn)
                .secretArnList(alice, bob, unprefixed, malformed, missing)).unprocessedScramSecrets();

        assertThat(unprocessed).extracting(UnprocessedScramSecret::secretArn, UnprocessedScramSecret::errorCode)
                .containsExactlyInAnyOrder(
                        tuple(unprefixed, "InvalidSecretName"),
                        tuple(malformed, "InvalidSecretValue"),
                        tuple(missing, "SecretNotFound"));
        assertThat(kafka.listScramSecrets(r -> r.clusterArn(clusterArn)).secretArnList())
                .containsExactlyInAnyOrder(alice, bob);

        // Alice's name in another secret: the cluster already has her, from the first.
        String secondAlice = secret("AmazonMSK_alice_again", "{\"username\":\"alice\",\"password\":\"other\"}");
        var again = kafka.batchAssociateScramSecret(r -> r.clusterArn(clusterArn).secretArnList(secondAlice, alice))
                .unprocessedScramSecrets();
        assertThat(again).extracting(UnprocessedScramSecret::secretArn, UnprocessedScramSecret::errorCode,
                        UnprocessedScramSecret::errorMessage)
                .containsExactly(tuple(secondAlice, "DuplicateUsername", "The username alice is already in use on "
                        + "cluster scram by secret " + alice));
        assertThat(kafka.listScramSecrets(r -> r.clusterArn(clusterArn)).secretArnList())
                .containsExactlyInAnyOrder(alice, bob);
        var brokers = kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn));
        assertThat(brokers.bootstrapBrokerStringSaslScram()).contains(":9096");
        assertThat(brokers.bootstrapBrokerString()).isNull();
        assertThat(brokers.bootstrapBrokerStringTls()).as("no unauthenticated TLS, no mutual TLS").isNull();
    }

    @Test
    @Order(2)
    void anAssociatedUser_produces_andAWrongPasswordIsRefused() throws Exception {
        await("alice's credential to reach every broker").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .untilAsserted(() -> {
                    try (var admin = Admin.create(scram("alice", "alice-secret"))) {
                        Topics.create(admin, "orders", 1);
                    }
                });
        try (var admin = Admin.create(scram("bob", "bob-secret"))) {
            Topics.create(admin, "payments", 1);
        }
        produce("alice", "alice-secret", "orders");
        produce("bob", "bob-secret", "payments");

        try (var admin = Admin.create(scram("alice", "wrong"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    @Order(3)
    void aliceAllowedToReadOrdersOnly_cannotReadPaymentsOnceItHasAcls(@TempDir Path dir) throws Exception {
        Path bobConfig = commandConfig(dir, "bob", "bob-secret");
        acl(bobConfig, "--allow-principal", "User:bob", "--operation", "All", "--topic", "*", "--group", "*");
        acl(bobConfig, "--allow-principal", "User:alice", "--operation", "Read", "--operation", "Describe",
                "--topic", "orders", "--group", "alice-group");

        assertThat(consume("alice", "alice-secret", "orders")).containsExactly("record from alice");
        assertThatThrownBy(() -> consume("alice", "alice-secret", "payments"))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(consume("bob", "bob-secret", "payments")).containsExactly("record from bob");
    }

    @Test
    @Order(4)
    void aDisassociatedSecret_stopsWorking_andAnAssociatedOneCannotBeDeleted() {
        assertThatThrownBy(() -> secretsManager.deleteSecret(r -> r.secretId(alice)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("disassociate it first");

        var unprocessed = kafka.batchDisassociateScramSecret(r -> r.clusterArn(clusterArn).secretArnList(bob))
                .unprocessedScramSecrets();

        assertThat(unprocessed).isEmpty();
        assertThat(kafka.listScramSecrets(r -> r.clusterArn(clusterArn)).secretArnList()).containsExactly(alice);
        await("bob to be refused").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (var admin = Admin.create(scram("bob", "bob-secret"))) {
                assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        });
        try (var admin = Admin.create(scram("alice", "alice-secret"))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).as("alice still works")
                    .contains("orders");
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(5)
    void aNewPasswordInTheSecret_replacesTheOldOneAtOnce() {
        secretsManager.putSecretValue(r -> r.secretId(alice)
                .secretString("{\"username\":\"alice\",\"password\":\"rotated\"}"));

        await("the rotated password to work").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            try (var admin = Admin.create(scram("alice", "rotated"))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("orders");
            }
        });
        try (var admin = Admin.create(scram("alice", "alice-secret"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    @Order(6)
    void associatingWithAClusterWithoutScram_isABadRequest() {
        String plain = Clusters.createCluster(kafka, "no-scram", 2, List.of("subnet-1", "subnet-2"));
        try {
            assertThatThrownBy(() -> kafka.batchAssociateScramSecret(r -> r.clusterArn(plain).secretArnList(alice)))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> {
                        assertThat(e.invalidParameter()).isEqualTo("clusterArn");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("SASL/SCRAM authentication is not "
                                + "enabled");
                    });
        } finally {
            // Deleted at once, most often while still being created: no node may outlive the deletion.
            kafka.deleteCluster(r -> r.clusterArn(plain));
            Clusters.awaitGone(kafka, plain);
            assertThat(NodeProcesses.pidsOf(plain)).isEmpty();
        }
    }

    private String secret(String name, String value) {
        return secretsManager.createSecret(r -> r.name(name).secretString(value)).arn();
    }

    private Map<String, Object> scram(String user, String password) {
        return ClientSecurity.scram(bootstrap, caCertificate, user, password);
    }

    private void produce(String user, String password, String topic) throws Exception {
        var config = scram(user, password);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "record from " + user)).get(30, TimeUnit.SECONDS);
        }
    }

    private List<String> consume(String user, String password, String topic) {
        var config = scram(user, password);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, user + "-group");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var received = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> received.add(r.value()));
            }
        }
        return received;
    }

    private Path commandConfig(Path dir, String user, String password) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), caCertificate);
        return KafkaTool.commandConfig(dir, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n"
                + "sasl.jaas.config=" + ClientSecurity.scramJaas(user, password) + "\nssl.truststore.type=PEM\n"
                + "ssl.truststore.location=" + ca + "\n");
    }

    private void acl(Path commandConfig, String... args) {
        var command = new ArrayList<String>(List.of("--bootstrap-server", bootstrap, "--command-config",
                commandConfig.toString(), "--add"));
        command.addAll(List.of(args));
        KafkaTool.run(KafkaTool.ACLS, command.toArray(String[]::new)).requireSuccess();
    }
}

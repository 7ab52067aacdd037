package io.streamplane.it;

import io.streamplane.testkit.ClientSecurity;
import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encryption in transit with MSK's defaults: a cluster created without encryptionInfo serves TLS
 * only (port 9094) and encrypts traffic between its nodes. Clients trust the installation's CA,
 * fetched from the control plane, and verify the brokers' host names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncryptionIT {
    private StreamplaneFixture streamplane;
    private KafkaClient kafka;
    private String clusterArn;
    private String caCertificate;

    @BeforeAll
    void createClusterWithMskDefaults() throws Exception {
        streamplane = StreamplaneFixture.start();
        kafka = streamplane.kafkaClient();
        clusterArn = kafka.createClusterV2(r -> r.clusterName("encrypted").provisioned(p -> p
                .kafkaVersion(Clusters.KAFKA_VERSION).numberOfBrokerNodes(3)
                .brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large")
                        .clientSubnets("subnet-1", "subnet-2", "subnet-3")))).clusterArn();
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
        caCertificate = streamplane.caCertificate();
    }

    @AfterAll
    void stop() {
        StreamplaneFixture.stop(streamplane, clusterArn);
    }

    @Test
    void byDefault_theClusterServesTlsOnly_andSaysSo() {
        var info = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned();
        var brokers = kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn));

        assertThat(info.encryptionInfo().encryptionInTransit().clientBrokerAsString()).isEqualTo("TLS");
        assertThat(info.encryptionInfo().encryptionInTransit().inCluster()).isTrue();
        assertThat(info.clientAuthentication().unauthenticated().enabled()).isTrue();
        assertThat(brokers.bootstrapBrokerString()).isNull();
        assertThat(brokers.bootstrapBrokerStringTls()).matches("127\\.\\d+\\.\\d+\\.1:9094,127\\.\\d+\\.\\d+\\.2:9094,"
                + "127\\.\\d+\\.\\d+\\.3:9094");
        assertThat(caCertificate).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE KEY");
    }

    @Test
    void aClientThatTrustsTheCa_producesAndConsumesOverTls() throws Exception {
        String bootstrap = kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn)).bootstrapBrokerStringTls();
        try (var admin = Admin.create(ClientSecurity.tls(bootstrap, caCertificate))) {
            Topics.create(admin, "secrets", 3);
        }
        var producerConfig = ClientSecurity.tls(bootstrap, caCertificate);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>("secrets", "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
            }
        }
        var consumerConfig = ClientSecurity.tls(bootstrap, caCertificate);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var received = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition("secrets", 0), new TopicPartition("secrets", 1),
                    new TopicPartition("secrets", 2)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.size() < 30 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> received.add(r.value()));
            }
        }
        assertThat(received).hasSize(30).contains("v0", "v29");
    }

    @Test
    void aKilledBrokerOfAnEncryptedCluster_isHealed_overTheEncryptedInternalListeners() throws Exception {
        String bootstrap = kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn)).bootstrapBrokerStringTls();
        long before = NodeProcesses.of(clusterArn, 2).orElseThrow().pid();

        NodeProcesses.kill(clusterArn, 2);
        Clusters.awaitState(kafka, clusterArn, ClusterState.HEALING);
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);

        assertThat(NodeProcesses.of(clusterArn, 2).orElseThrow().pid()).isNotEqualTo(before);
        assertThat(kafka.listClusterOperationsV2(r -> r.clusterArn(clusterArn)).clusterOperationInfoList())
                .anyMatch(o -> o.operationType().equals("HEAL_CLUSTER") && o.operationState().equals("UPDATE_COMPLETE"));
        try (var admin = Admin.create(ClientSecurity.tls(bootstrap, caCertificate))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
        }
    }

    @Test
    void plaintextIsRefused_andAClientThatDoesNotTrustTheCaCannotConnect() {
        String tlsBootstrap = kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn)).bootstrapBrokerStringTls();
        String host = tlsBootstrap.substring(0, tlsBootstrap.indexOf(':'));

        assertThatThrownBy(() -> {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, 9092), 2000);
            }
        }).as("nothing listens on the plaintext port").isInstanceOf(ConnectException.class);
        var untrusting = new HashMap<String, Object>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, tlsBootstrap,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL",
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
        try (var admin = Admin.create(untrusting)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SslAuthenticationException.class)
                    .rootCause().hasMessageContaining("unable to find valid certification path");
        }
    }
}

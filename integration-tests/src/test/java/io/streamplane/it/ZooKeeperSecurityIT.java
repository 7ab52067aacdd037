package io.streamplane.it;

import io.streamplane.testkit.ClientSecurity;
import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.DurableServer;
import io.streamplane.testkit.Kcat;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ZooKeeper cluster on MSK's {@code 3.9.x} with MSK's default encryption (TLS to clients and inside
 * the cluster) and SASL/SCRAM: the ensemble speaks TLS on port 2182 and the brokers connect to it
 * there; kcat, on Debian's librdkafka, authenticates with SCRAM (which librdkafka before 2.6.1
 * cannot do against Kafka 4 brokers). The control plane runs in its own process: killed, it leaves
 * the cluster serving and the next server adopts its nodes; stopped, it stops them, and the next
 * start brings the ensemble and the brokers back with their data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZooKeeperSecurityIT {
    private static final String TOPIC = "audited";
    private DurableServer server;
    private String clusterArn;
    private String bootstrap;
    private String caCertificate;
    private Path caFile;
    private final List<String> produced = new ArrayList<>();

    @BeforeAll
    void startAServerWithAScramCluster() throws Exception {
        server = DurableServer.start("zookeeper-security",
                Path.of("target", "zookeeper-security-server.log").toAbsolutePath());
        var kafka = client();
        clusterArn = kafka.createClusterV2(r -> r.clusterName("zookeeper-scram").provisioned(p -> p
                .kafkaVersion("3.9.x").numberOfBrokerNodes(3)
                .clientAuthentication(a -> a.sasl(s -> s.scram(c -> c.enabled(true)))
                        .unauthenticated(u -> u.enabled(false)))
                .brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large")
                        .clientSubnets("subnet-1", "subnet-2", "subnet-3")))).clusterArn();
        server.owns(clusterArn);
        var secrets = StreamplaneFixture.secretsManagerClient(server.endpoint());
        String alice = secrets.createSecret(r -> r.name("AmazonMSK_alice")
                .secretString("{\"username\":\"alice\",\"password\":\"alice-secret\"}")).arn();
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
        assertThat(kafka.batchAssociateScramSecret(r -> r.clusterArn(clusterArn).secretArnList(alice))
                .unprocessedScramSecrets()).isEmpty();
        bootstrap = kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn)).bootstrapBrokerStringSaslScram();
        caCertificate = StreamplaneFixture.caCertificate(server.endpoint());
        caFile = Files.writeString(server.workDirectory().resolve("ca.pem"), caCertificate);
    }

    @AfterAll
    void deleteTheCluster() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void theEnsembleSpeaksTlsOnMsksPort_andTheBrokersConnectToItThere() throws Exception {
        var info = client().describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned();
        String tls = info.zookeeperConnectStringTls();
        assertThat(tls.split(",")).hasSize(3).allSatisfy(a -> assertThat(a).endsWith(":2182"));
        assertThat(info.zookeeperConnectString().split(",")).hasSize(3)
                .allSatisfy(a -> assertThat(a).endsWith(":2181"));
        for (String address : tls.split(",")) {
            assertThat(tlsHandshakeTrustingTheCa(address)).as("the server at " + address + " proves its identity")
                    .isTrue();
        }
        try (var admin = Admin.create(ClientSecurity.scram(bootstrap, caCertificate, "alice", "alice-secret"))) {
            var broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            await("alice's credential to reach the brokers").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> admin.describeConfigs(List.of(broker)).all().get(10, TimeUnit.SECONDS) != null);
            var config = admin.describeConfigs(List.of(broker)).all().get(10, TimeUnit.SECONDS).get(broker);
            assertThat(config.get("zookeeper.connect").value()).isEqualTo(tls);
            assertThat(config.get("zookeeper.ssl.client.enable").value()).isEqualTo("true");
            Topics.create(admin, TOPIC, 3);
        }
    }

    @Test
    @Order(2)
    void kcat_authenticatesWithScram_producesAndReadsBack() {
        produce(50);
        assertThat(kcat().consume(TOPIC)).containsExactlyInAnyOrderElementsOf(produced);
    }

    @Test
    @Order(3)
    void brokersOutliveAKilledServer_andTheNextServerAdoptsThem() throws Exception {
        Set<Long> nodes = NodeProcesses.pidsOf(clusterArn);
        assertThat(nodes).hasSize(6);

        server.kill();
        produce(50);

        server.startAgain();
        Clusters.awaitState(client(), clusterArn, ClusterState.ACTIVE);
        assertThat(NodeProcesses.pidsOf(clusterArn)).as("the same nodes, none started again").isEqualTo(nodes);
        assertThat(kcat().consume(TOPIC)).containsExactlyInAnyOrderElementsOf(produced);
    }

    @Test
    @Order(4)
    void aGracefulStop_stopsTheEnsembleAndTheBrokers_andTheNextStartBringsThemBackWithTheirData() throws Exception {
        Set<Long> nodes = NodeProcesses.pidsOf(clusterArn);
        server.stop();
        assertThat(NodeProcesses.pidsOf(clusterArn)).isEmpty();

        server.startAgain();
        Clusters.awaitState(client(), clusterArn, ClusterState.ACTIVE);
        assertThat(NodeProcesses.pidsOf(clusterArn)).hasSize(6).doesNotContainAnyElementsOf(nodes);
        await("the records to be read back").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> assertThat(kcat().consume(TOPIC)).containsExactlyInAnyOrderElementsOf(produced));
        produce(10);
    }

    private void produce(int count) {
        int first = produced.size();
        var values = IntStream.range(first, first + count).mapToObj(i -> "record-" + i).toList();
        kcat().produce(TOPIC, values);
        produced.addAll(values);
    }

    private Kcat kcat() {
        return Kcat.scram(bootstrap, caFile, "alice", "alice-secret");
    }

    private boolean tlsHandshakeTrustingTheCa(String address) throws Exception {
        var certificate = CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(caCertificate.getBytes(StandardCharsets.US_ASCII)));
        var trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", certificate);
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        var context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        String[] hostPort = address.split(":");
        try (var socket = (SSLSocket) context.getSocketFactory().createSocket(hostPort[0],
                Integer.parseInt(hostPort[1]))) {
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            return socket.getSession().isValid();
        }
    }

    private KafkaClient client() {
        return server.kafka();
    }
}

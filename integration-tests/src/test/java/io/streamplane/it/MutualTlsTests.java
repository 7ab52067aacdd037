package io.streamplane.it;

import io.streamplane.testkit.ClientSecurity;
import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.KafkaTool;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acmpca.AcmPcaClient;
import software.amazon.awssdk.services.acmpca.model.CertificateAuthorityType;
import software.amazon.awssdk.services.acmpca.model.KeyAlgorithm;
import software.amazon.awssdk.services.acmpca.model.SigningAlgorithm;
import software.amazon.awssdk.services.acmpca.model.ValidityPeriodType;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mutual TLS as on MSK: clients authenticate with certificates issued by a Private CA (acm-pca API
 * on the same endpoint) that the cluster names; their Kafka principal is the certificate subject.
 * Run on a KRaft cluster ({@link MutualTlsIT}) and a ZooKeeper one ({@link ZooKeeperMutualTlsIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MutualTlsTests {
    private final String kafkaVersion;
    private StreamplaneFixture streamplane;
    private KafkaClient kafka;
    private AcmPcaClient privateCa;
    private String authorityArn;
    private String clusterArn;
    private String bootstrap;
    private String brokerCa;

    MutualTlsTests(String kafkaVersion) {
        this.kafkaVersion = kafkaVersion;
    }

    @BeforeAll
    void createClusterThatAcceptsTheCasClients() throws Exception {
        streamplane = StreamplaneFixture.start();
        kafka = streamplane.kafkaClient();
        privateCa = streamplane.privateCaClient();
        authorityArn = privateCa.createCertificateAuthority(r -> r
                .certificateAuthorityType(CertificateAuthorityType.ROOT)
                .certificateAuthorityConfiguration(c -> c.keyAlgorithm(KeyAlgorithm.EC_PRIME256_V1)
                        .signingAlgorithm(SigningAlgorithm.SHA256_WITHECDSA)
                        .subject(s -> s.commonName("Payments CA").organization("Example"))))
                .certificateAuthorityArn();
        clusterArn = kafka.createClusterV2(r -> r.clusterName("mutual").provisioned(p -> p
                .kafkaVersion(kafkaVersion).numberOfBrokerNodes(3)
                .clientAuthentication(a -> a.tls(t -> t.certificateAuthorityArnList(authorityArn))
                        .unauthenticated(u -> u.enabled(false)))
                .brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large")
                        .clientSubnets("subnet-1", "subnet-2", "subnet-3")))).clusterArn();
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
        bootstrap = kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn)).bootstrapBrokerStringTls();
        brokerCa = streamplane.caCertificate();
    }

    @AfterAll
    void stop() {
        StreamplaneFixture.stop(streamplane, clusterArn);
    }

    @Test
    void theCertificateSubjectIsThePrincipal_thatAclsName(@TempDir Path dir) throws Exception {
        var alice = client("alice");
        var bob = client("bob");
        try (var admin = Admin.create(alice)) {
            Topics.create(admin, "orders", 1);
        }
        Path aliceConfig = KafkaTool.commandConfig(dir, "security.protocol=SSL\nssl.truststore.type=PEM\n"
                + "ssl.truststore.location=" + Files.writeString(dir.resolve("ca.pem"), brokerCa) + "\n"
                + "ssl.keystore.type=PEM\nssl.keystore.location="
                + Files.writeString(dir.resolve("alice.pem"), alice.get("ssl.keystore.key") + (String) alice
                .get("ssl.keystore.certificate.chain")) + "\n");

        KafkaTool.run(KafkaTool.ACLS, "--bootstrap-server", bootstrap, "--command-config", aliceConfig.toString(),
                "--add", "--allow-principal", "User:CN=alice", "--operation", "Write", "--operation", "Describe",
                "--topic", "orders").requireSuccess();

        produce(alice, "orders");
        assertThatThrownBy(() -> produce(bob, "orders")).hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aClientWithoutACertificate_orWithOneFromAnotherCa_cannotConnect() throws Exception {
        var anonymous = ClientSecurity.tls(bootstrap, brokerCa);
        var otherAuthority = privateCa.createCertificateAuthority(r -> r
                .certificateAuthorityType(CertificateAuthorityType.ROOT)
                .certificateAuthorityConfiguration(c -> c.keyAlgorithm(KeyAlgorithm.RSA_2048)
                        .signingAlgorithm(SigningAlgorithm.SHA256_WITHRSA)
                        .subject(s -> s.commonName("Other CA")))).certificateAuthorityArn();

        for (var config : List.of(anonymous, client("mallory", otherAuthority))) {
            try (var admin = Admin.create(config)) {
                assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SslAuthenticationException.class);
            }
        }
    }

    @Test
    void anUnknownCertificateAuthority_isABadRequestNamingIt_andCreatesNothing() {
        String unknown = authorityArn.substring(0, authorityArn.lastIndexOf('/') + 1) + "no-such-ca";

        assertThatThrownBy(() -> kafka.createClusterV2(r -> r.clusterName("unknown-ca").provisioned(p -> p
                .kafkaVersion(kafkaVersion).numberOfBrokerNodes(3)
                .clientAuthentication(a -> a.tls(t -> t.certificateAuthorityArnList(unknown)))
                .brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large")
                        .clientSubnets("subnet-1", "subnet-2", "subnet-3")))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.invalidParameter()).isEqualTo("provisioned.clientAuthentication.tls."
                            + "certificateAuthorityArnList");
                    assertThat(e.awsErrorDetails().errorMessage()).contains(unknown);
                });
        assertThat(kafka.listClustersV2(r -> r.clusterNameFilter("unknown-ca")).clusterInfoList()).isEmpty();
    }

    private Map<String, Object> client(String commonName) throws Exception {
        return client(commonName, authorityArn);
    }

    /** A TLS client with a fresh key and a certificate for CN={@code commonName} from the authority. */
    private Map<String, Object> client(String commonName, String authority) throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        var csrPem = SdkBytes.fromUtf8String(pem(csr));
        String certificateArn = privateCa.issueCertificate(r -> r.certificateAuthorityArn(authority)
                .csr(csrPem)
                .signingAlgorithm(authority.equals(authorityArn) ? SigningAlgorithm.SHA256_WITHECDSA
                        : SigningAlgorithm.SHA256_WITHRSA)
                .validity(v -> v.type(ValidityPeriodType.DAYS).value(30L))).certificateArn();
        var issued = privateCa.getCertificate(r -> r.certificateAuthorityArn(authority).certificateArn(certificateArn));
        return ClientSecurity.mutualTls(bootstrap, brokerCa, pem(new JcaPKCS8Generator(pair.getPrivate(), null)
                .generate()), issued.certificate() + "\n" + issued.certificateChain());
    }

    private static void produce(Map<String, Object> client, String topic) throws Exception {
        var config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "signed")).get(30, TimeUnit.SECONDS);
        }
    }

    private static String pem(Object object) throws IOException {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}

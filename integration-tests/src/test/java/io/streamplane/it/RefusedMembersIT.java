package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.StreamplaneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acmpca.AcmPcaClient;
import software.amazon.awssdk.services.acmpca.model.InvalidArgsException;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.ProvisionedRequest;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Members that have no effect here in some of their values are refused in those values, naming the
 * member, before anything is made (see docs/round-trip.md): nothing is accepted and then dropped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedMembersIT {
    private static final List<String> SUBNETS = List.of("subnet-1", "subnet-2", "subnet-3");
    private static final String SOME_CLUSTER =
            "arn:aws:kafka:us-east-1:000000000000:cluster/none/00000000-0000-0000-0000-000000000000-1";
    private StreamplaneFixture streamplane;
    private KafkaClient kafka;
    private AcmPcaClient privateCa;

    @BeforeAll
    void start() {
        streamplane = StreamplaneFixture.start();
        kafka = streamplane.kafkaClient();
        privateCa = streamplane.privateCaClient();
    }

    @AfterAll
    void stop() {
        streamplane.close();
    }

    @Test
    void clusterMembers_withoutAnEffectInSomeValues_areRefusedInThem() {
        assertCreateRefused(p -> p.brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large").clientSubnets(SUBNETS)
                .connectivityInfo(c -> c.networkType("DUAL"))),
                "provisioned.brokerNodeGroupInfo.connectivityInfo.networkType");
        assertCreateRefused(p -> p.brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large").clientSubnets(SUBNETS)
                .zoneIds("use1-az4", "use1-az5", "use1-az6")), "provisioned.brokerNodeGroupInfo.zoneIds");
        assertCreateRefused(p -> p.brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large").clientSubnets(SUBNETS)
                .connectivityInfo(c -> c.vpcConnectivity(v -> v.clientAuthentication(a -> a.sasl(s -> s
                        .scram(x -> x.enabled(true))))))),
                "provisioned.brokerNodeGroupInfo.connectivityInfo.vpcConnectivity.clientAuthentication.sasl.scram");
        assertCreateRefused(p -> p.brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large").clientSubnets(SUBNETS)
                .storageInfo(s -> s.ebsStorageInfo(e -> e.volumeSize(100).provisionedThroughput(t -> t.enabled(true)
                        .volumeThroughput(250))))),
                "provisioned.brokerNodeGroupInfo.storageInfo.ebsStorageInfo.provisionedThroughput");
        assertCreateRefused(p -> p.brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large").clientSubnets(SUBNETS))
                .loggingInfo(l -> l.brokerLogs(b -> b.cloudWatchLogs(c -> c.enabled(true).logGroup("group")))),
                "provisioned.loggingInfo.brokerLogs.cloudWatchLogs");
        assertThat(kafka.listClustersV2(r -> { }).clusterInfoList()).as("nothing made").isEmpty();

        assertRefused(() -> kafka.updateSecurity(r -> r.clusterArn(SOME_CLUSTER).currentVersion("K1")
                .clientAuthentication(a -> a.sasl(s -> s.iam(i -> i.enabled(true))))), "clientAuthentication.sasl.iam");
        assertRefused(() -> kafka.updateSecurity(r -> r.clusterArn(SOME_CLUSTER).currentVersion("K1")
                .encryptionInfo(e -> e.encryptionAtRest(k -> k.dataVolumeKMSKeyId("arn:aws:kms:us-east-1:0:key/k")))),
                "encryptionInfo.encryptionAtRest");
    }

    @Test
    void privateCaMembers_withoutAnEffectInSomeValues_areRefusedInThem() {
        assertThatThrownBy(() -> privateCa.createCertificateAuthority(r -> r.certificateAuthorityType("ROOT")
                .certificateAuthorityConfiguration(c -> c.keyAlgorithm("EC_prime256v1").signingAlgorithm("SHA256WITHECDSA")
                        .subject(s -> s.commonName("ca")).csrExtensions(x -> x.keyUsage(k -> k.keyCertSign(true))))))
                .isInstanceOf(InvalidArgsException.class).hasMessageContaining("CsrExtensions");
        assertThatThrownBy(() -> privateCa.createCertificateAuthority(r -> r.certificateAuthorityType("ROOT")
                .certificateAuthorityConfiguration(c -> c.keyAlgorithm("EC_prime256v1").signingAlgorithm("SHA256WITHECDSA")
                        .subject(s -> s.commonName("ca")))
                .revocationConfiguration(v -> v.ocspConfiguration(o -> o.enabled(true)))))
                .isInstanceOf(InvalidArgsException.class).hasMessageContaining("RevocationConfiguration.OcspConfiguration.Enabled");
        String ca = privateCa.createCertificateAuthority(r -> r.certificateAuthorityType("ROOT")
                .certificateAuthorityConfiguration(c -> c.keyAlgorithm("EC_prime256v1").signingAlgorithm("SHA256WITHECDSA")
                        .subject(s -> s.commonName("ca")))).certificateAuthorityArn();
        assertThatThrownBy(() -> privateCa.issueCertificate(r -> r.certificateAuthorityArn(ca)
                .csr(SdkBytes.fromUtf8String("x")).signingAlgorithm("SHA256WITHECDSA")
                .validity(v -> v.value(1L).type("DAYS")).apiPassthrough(a -> a.subject(s -> s.commonName("other")))))
                .isInstanceOf(InvalidArgsException.class).hasMessageContaining("ApiPassthrough");
        assertThatThrownBy(() -> privateCa.issueCertificate(r -> r.certificateAuthorityArn(ca)
                .csr(SdkBytes.fromUtf8String("x")).signingAlgorithm("SHA256WITHECDSA")
                .validity(v -> v.value(1L).type("DAYS"))
                .templateArn("arn:aws:acm-pca:::template/SubordinateCACertificate_PathLen0/V1")))
                .isInstanceOf(InvalidArgsException.class).hasMessageContaining("TemplateArn");
    }

    private void assertCreateRefused(Consumer<ProvisionedRequest.Builder> provisioned, String member) {
        assertRefused(() -> kafka.createClusterV2(r -> r.clusterName("refused").provisioned(p -> {
            p.kafkaVersion(Clusters.KAFKA_VERSION).numberOfBrokerNodes(3);
            provisioned.accept(p);
        })), member);
    }

    private static void assertRefused(Runnable call, String member) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BadRequestException.class,
                e -> assertThat(e.invalidParameter()).as(e.getMessage()).isEqualTo(member));
    }
}

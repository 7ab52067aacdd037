package io.streamplane.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.model.ServiceModel;
import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.StreamplaneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acmpca.AcmPcaClient;
import software.amazon.awssdk.services.acmpca.model.CertificateAuthorityStatus;
import software.amazon.awssdk.services.acmpca.model.CreateCertificateAuthorityRequest;
import software.amazon.awssdk.services.acmpca.model.InvalidStateException;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClientBroker;
import software.amazon.awssdk.services.kafka.model.ClusterInfo;
import software.amazon.awssdk.services.kafka.model.ClusterState;
import software.amazon.awssdk.services.kafka.model.NotFoundException;
import software.amazon.awssdk.services.kafka.model.TopicState;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The AWS provider for Terraform (hashicorp/terraform-provider-aws) as it drives each resource:
 * create, read, update, read, import (a read from the identifier alone) and delete, each call made
 * with the AWS SDK as the provider's source makes it. After every read the attributes the provider
 * sets from the answers must equal what was written, which is what makes a plan after apply empty.
 * Each test names the source file its sequence comes from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfrastructureAsCodeIT {
    private static final List<String> SUBNETS = List.of("subnet-a", "subnet-b", "subnet-c");
    private static final String KMS_KEY = "arn:aws:kms:us-east-1:000000000000:key/6f1c2a40-9f1e-4d7b-8b3e-0c2d4e6f8a10";
    private StreamplaneFixture streamplane;
    private KafkaClient kafka;
    private SecretsManagerClient secrets;
    private AcmPcaClient privateCa;
    private String clusterArn;
    private String configurationArn;

    @BeforeAll
    void start() {
        streamplane = StreamplaneFixture.start();
        kafka = streamplane.kafkaClient();
        secrets = streamplane.secretsManagerClient();
        privateCa = streamplane.privateCaClient();
    }

    @AfterAll
    void stop() {
        StreamplaneFixture.stop(streamplane, clusterArn);
    }

    /**
     * aws_acmpca_certificate_authority (internal/service/acmpca/certificate_authority.go): create is
     * CreateCertificateAuthority (configuration, type, IdempotencyToken, RevocationConfiguration,
     * Tags), then DescribeCertificateAuthority until ACTIVE or PENDING_CERTIFICATE; read is
     * DescribeCertificateAuthority, GetCertificateAuthorityCertificate, GetCertificateAuthorityCsr and
     * ListTags; update is UpdateCertificateAuthority (Status from enabled, RevocationConfiguration) and
     * TagCertificateAuthority or UntagCertificateAuthority; delete is UpdateCertificateAuthority to
     * DISABLED, then DeleteCertificateAuthority with PermanentDeletionTimeInDays. A DELETED authority
     * reads as gone.
     */
    @Test
    @Order(0)
    void privateCertificateAuthority_readsBackAsWritten_throughDisableDeleteAndRestore() {
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 32);
        var create = CreateCertificateAuthorityRequest.builder().certificateAuthorityType("ROOT")
                .idempotencyToken(token)
                .certificateAuthorityConfiguration(c -> c.keyAlgorithm("EC_prime256v1").signingAlgorithm("SHA256WITHECDSA")
                        .subject(s -> s.commonName("iac.example.com").organization("Example").country("DE")
                                .serialNumber("0042")))
                .revocationConfiguration(r -> r.crlConfiguration(c -> c.enabled(false)))
                .usageMode("GENERAL_PURPOSE")
                .tags(t -> t.key("team").value("payments")).build();
        String arn = privateCa.createCertificateAuthority(create).certificateAuthorityArn();
        assertThat(privateCa.createCertificateAuthority(create).certificateAuthorityArn())
                .as("the same idempotency token, the same authority").isEqualTo(arn);

        var read = readAuthority(arn);
        assertThat(read).containsEntry("type", "ROOT").containsEntry("enabled", "true")
                .containsEntry("status", "ACTIVE").containsEntry("key_algorithm", "EC_prime256v1")
                .containsEntry("signing_algorithm", "SHA256WITHECDSA")
                .containsEntry("subject", "CommonName=iac.example.com,Country=DE,Organization=Example,SerialNumber=0042")
                .containsEntry("revocation_configuration.crl_configuration.enabled", "false")
                .containsEntry("usage_mode", "GENERAL_PURPOSE").containsEntry("tags", "team=payments");
        assertThat(read.get("certificate")).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(read.get("certificate_signing_request")).startsWith("-----BEGIN CERTIFICATE REQUEST-----");

        privateCa.updateCertificateAuthority(r -> r.certificateAuthorityArn(arn)
                .status(CertificateAuthorityStatus.DISABLED));
        privateCa.tagCertificateAuthority(r -> r.certificateAuthorityArn(arn).tags(t -> t.key("env").value("test")));
        privateCa.untagCertificateAuthority(r -> r.certificateAuthorityArn(arn).tags(t -> t.key("team").value("payments")));
        var updated = readAuthority(arn);
        assertThat(updated).containsEntry("enabled", "false").containsEntry("status", "DISABLED")
                .containsEntry("tags", "env=test");
        assertThat(readAuthority(arn)).as("import").isEqualTo(updated);

        privateCa.updateCertificateAuthority(r -> r.certificateAuthorityArn(arn)
                .status(CertificateAuthorityStatus.DISABLED));
        privateCa.deleteCertificateAuthority(r -> r.certificateAuthorityArn(arn).permanentDeletionTimeInDays(7));
        var deleted = privateCa.describeCertificateAuthority(r -> r.certificateAuthorityArn(arn)).certificateAuthority();
        assertThat(deleted.status()).isEqualTo(CertificateAuthorityStatus.DELETED);
        assertThat(deleted.restorableUntil()).isAfter(Instant.now().plus(Duration.ofDays(6)));
        assertThatThrownBy(() -> privateCa.updateCertificateAuthority(r -> r.certificateAuthorityArn(arn)
                .status(CertificateAuthorityStatus.DISABLED))).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("must be in the ACTIVE or DISABLED state to be updated");

        privateCa.restoreCertificateAuthority(r -> r.certificateAuthorityArn(arn));
        assertThat(readAuthority(arn)).containsEntry("status", "DISABLED");
    }

    /** What the provider's read sets, from the four calls it makes. */
    private Map<String, String> readAuthority(String arn) {
        var authority = privateCa.describeCertificateAuthority(r -> r.certificateAuthorityArn(arn)).certificateAuthority();
        var attributes = new TreeMap<String, String>();
        attributes.put("arn", authority.arn());
        attributes.put("type", authority.typeAsString());
        attributes.put("status", authority.statusAsString());
        attributes.put("enabled", String.valueOf(authority.status() != CertificateAuthorityStatus.DISABLED));
        attributes.put("serial", authority.serial());
        attributes.put("not_after", String.valueOf(authority.notAfter()));
        attributes.put("not_before", String.valueOf(authority.notBefore()));
        var configuration = authority.certificateAuthorityConfiguration();
        attributes.put("key_algorithm", configuration.keyAlgorithmAsString());
        attributes.put("signing_algorithm", configuration.signingAlgorithmAsString());
        var subject = new TreeMap<String, String>();
        putIfSet(subject, "CommonName", configuration.subject().commonName());
        putIfSet(subject, "Country", configuration.subject().country());
        putIfSet(subject, "Organization", configuration.subject().organization());
        putIfSet(subject, "SerialNumber", configuration.subject().serialNumber());
        attributes.put("subject", subject.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
        if (authority.revocationConfiguration() != null) {
            attributes.put("revocation_configuration.crl_configuration.enabled",
                    String.valueOf(authority.revocationConfiguration().crlConfiguration().enabled()));
        }
        attributes.put("usage_mode", authority.usageModeAsString());
        attributes.put("certificate", privateCa.getCertificateAuthorityCertificate(r -> r.certificateAuthorityArn(arn))
                .certificate());
        attributes.put("certificate_signing_request", privateCa.getCertificateAuthorityCsr(r -> r
                .certificateAuthorityArn(arn)).csr());
        attributes.put("tags", privateCa.listTags(r -> r.certificateAuthorityArn(arn)).tags().stream()
                .map(t -> t.key() + "=" + t.value()).sorted().collect(Collectors.joining(",")));
        return attributes;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /**
     * aws_msk_configuration (internal/service/kafka/configuration.go): create is CreateConfiguration,
     * then a read; read is DescribeConfiguration and DescribeConfigurationRevision of its latest
     * revision; update is UpdateConfiguration; delete (after the cluster's) is DeleteConfiguration,
     * then DescribeConfiguration until NotFoundException.
     */
    @Test
    @Order(1)
    void mskConfiguration_readsBackAsWritten() {
        String properties = "auto.create.topics.enable=false\nlog.retention.hours=72\n";
        configurationArn = kafka.createConfiguration(r -> r.name("iac-config").description("as code")
                .kafkaVersions(Clusters.KAFKA_VERSION).serverProperties(SdkBytes.fromUtf8String(properties))).arn();
        assertConfiguration("as code", properties, 1L);

        String updated = properties + "num.partitions=6\n";
        kafka.updateConfiguration(r -> r.arn(configurationArn).description("as code, revised")
                .serverProperties(SdkBytes.fromUtf8String(updated)));
        assertConfiguration("as code, revised", updated, 2L);
    }

    private void assertConfiguration(String description, String properties, long revision) {
        var configuration = kafka.describeConfiguration(r -> r.arn(configurationArn));
        assertThat(configuration.name()).isEqualTo("iac-config");
        assertThat(configuration.kafkaVersions()).containsExactly(Clusters.KAFKA_VERSION);
        assertThat(configuration.latestRevision().revision()).isEqualTo(revision);
        assertThat(configuration.latestRevision().description()).isEqualTo(description);
        var latest = kafka.describeConfigurationRevision(r -> r.arn(configurationArn).revision(revision));
        assertThat(latest.serverProperties().asUtf8String()).isEqualTo(properties);
    }

    /**
     * aws_msk_cluster (internal/service/kafka/cluster.go): create is CreateCluster with every block the
     * configuration has, then DescribeCluster until ACTIVE; read is DescribeCluster and
     * GetBootstrapBrokers; an update of ebs_volume_size is UpdateBrokerStorage (KafkaBrokerNodeId
     * "All"), one of enhanced_monitoring, logging_info or open_monitoring is UpdateMonitoring, one of
     * broker_node_group_info.connectivity_info is UpdateConnectivity, a tag change TagResource and
     * UntagResource, each operation followed by DescribeClusterOperation until UPDATE_COMPLETE; delete
     * (the last test) is DeleteCluster, then DescribeCluster until NotFoundException.
     */
    @Test
    @Order(2)
    void mskCluster_readsBackEveryAttributeAsWritten_includingTheMembersKeptAsRecorded() {
        clusterArn = kafka.createCluster(r -> r.clusterName("iac-cluster").kafkaVersion(Clusters.KAFKA_VERSION)
                .numberOfBrokerNodes(3)
                .brokerNodeGroupInfo(b -> b.brokerAZDistribution("DEFAULT").clientSubnets(SUBNETS)
                        .instanceType("kafka.m5.large").securityGroups("sg-0123456789abcdef0")
                        .storageInfo(s -> s.ebsStorageInfo(e -> e.volumeSize(100)))
                        .connectivityInfo(c -> c.publicAccess(p -> p.type("DISABLED"))))
                .clientAuthentication(a -> a.sasl(s -> s.iam(i -> i.enabled(false)).scram(x -> x.enabled(true)))
                        .tls(t -> t.enabled(false)).unauthenticated(u -> u.enabled(true)))
                .configurationInfo(c -> c.arn(configurationArn).revision(2L))
                .encryptionInfo(e -> e.encryptionAtRest(k -> k.dataVolumeKMSKeyId(KMS_KEY))
                        .encryptionInTransit(t -> t.clientBroker(ClientBroker.TLS_PLAINTEXT).inCluster(true)))
                .enhancedMonitoring("PER_BROKER")
                .loggingInfo(l -> l.brokerLogs(b -> b.cloudWatchLogs(c -> c.enabled(false))
                        .firehose(f -> f.enabled(false)).s3(s -> s.enabled(false))))
                .openMonitoring(o -> o.prometheus(p -> p.jmxExporter(j -> j.enabledInBroker(false))
                        .nodeExporter(n -> n.enabledInBroker(false))))
                .tags(Map.of("team", "payments"))).clusterArn();
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);

        var written = new TreeMap<>(Map.ofEntries(
                Map.entry("broker_node_group_info.az_distribution", "DEFAULT"),
                Map.entry("broker_node_group_info.client_subnets", String.join(",", SUBNETS)),
                Map.entry("broker_node_group_info.instance_type", "kafka.m5.large"),
                Map.entry("broker_node_group_info.security_groups", "sg-0123456789abcdef0"),
                Map.entry("broker_node_group_info.ebs_volume_size", "100"),
                Map.entry("broker_node_group_info.connectivity_info.public_access.type", "DISABLED"),
                Map.entry("client_authentication.sasl.iam", "false"),
                Map.entry("client_authentication.sasl.scram", "true"),
                Map.entry("client_authentication.tls.certificate_authority_arns", ""),
                Map.entry("client_authentication.unauthenticated", "true"),
                Map.entry("cluster_name", "iac-cluster"),
                Map.entry("configuration_info.arn", configurationArn),
                Map.entry("configuration_info.revision", "2"),
                Map.entry("encryption_info.encryption_at_rest_kms_key_arn", KMS_KEY),
                Map.entry("encryption_info.encryption_in_transit.client_broker", "TLS_PLAINTEXT"),
                Map.entry("encryption_info.encryption_in_transit.in_cluster", "true"),
                Map.entry("enhanced_monitoring", "PER_BROKER"),
                Map.entry("kafka_version", Clusters.KAFKA_VERSION),
                Map.entry("logging_info.broker_logs.cloudwatch_logs.enabled", "false"),
                Map.entry("logging_info.broker_logs.firehose.enabled", "false"),
                Map.entry("logging_info.broker_logs.s3.enabled", "false"),
                Map.entry("number_of_broker_nodes", "3"),
                Map.entry("open_monitoring.prometheus.jmx_exporter.enabled_in_broker", "false"),
                Map.entry("open_monitoring.prometheus.node_exporter.enabled_in_broker", "false"),
                Map.entry("tags.team", "payments")));
        assertThat(readCluster()).containsAllEntriesOf(written);

        String operation = kafka.updateBrokerStorage(r -> r.clusterArn(clusterArn).currentVersion(currentVersion())
                .targetBrokerEBSVolumeInfo(v -> v.kafkaBrokerNodeId("All").volumeSizeGB(200))).clusterOperationArn();
        awaitOperation(operation);
        operation = kafka.updateMonitoring(r -> r.clusterArn(clusterArn).currentVersion(currentVersion())
                .enhancedMonitoring("PER_TOPIC_PER_BROKER")
                .loggingInfo(l -> l.brokerLogs(b -> b.cloudWatchLogs(c -> c.enabled(false))
                        .firehose(f -> f.enabled(false)).s3(s -> s.enabled(false).bucket("logs-bucket"))))
                .openMonitoring(o -> o.prometheus(p -> p.jmxExporter(j -> j.enabledInBroker(false))
                        .nodeExporter(n -> n.enabledInBroker(false))))).clusterOperationArn();
        awaitOperation(operation);
        operation = kafka.updateConnectivity(r -> r.clusterArn(clusterArn).currentVersion(currentVersion())
                .connectivityInfo(c -> c.publicAccess(p -> p.type("DISABLED"))
                        .vpcConnectivity(v -> v.clientAuthentication(a -> a.sasl(s -> s.scram(x -> x.enabled(true))
                                .iam(i -> i.enabled(false))).tls(t -> t.enabled(false)))))).clusterOperationArn();
        awaitOperation(operation);
        kafka.tagResource(r -> r.resourceArn(clusterArn).tags(Map.of("env", "test")));
        kafka.untagResource(r -> r.resourceArn(clusterArn).tagKeys("team"));
        written.put("broker_node_group_info.ebs_volume_size", "200");
        written.put("enhanced_monitoring", "PER_TOPIC_PER_BROKER");
        written.put("logging_info.broker_logs.s3.bucket", "logs-bucket");
        written.put("broker_node_group_info.connectivity_info.vpc_connectivity.client_authentication.sasl.scram", "true");
        written.put("broker_node_group_info.connectivity_info.vpc_connectivity.client_authentication.tls", "false");
        written.remove("tags.team");
        written.put("tags.env", "test");

        var afterUpdate = readCluster();
        assertThat(afterUpdate).containsAllEntriesOf(written).doesNotContainKey("tags.team");
        assertThat(readCluster()).as("an import reads the same from the ARN alone").isEqualTo(afterUpdate);
        assertThat(afterUpdate.get("bootstrap_brokers_sasl_scram")).isNotEmpty();
    }

    /** What the provider's read sets, from DescribeCluster and GetBootstrapBrokers. */
    private Map<String, String> readCluster() {
        ClusterInfo info = kafka.describeCluster(r -> r.clusterArn(clusterArn)).clusterInfo();
        var brokers = kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn));
        var group = info.brokerNodeGroupInfo();
        var auth = info.clientAuthentication();
        var transit = info.encryptionInfo().encryptionInTransit();
        var attributes = new TreeMap<String, String>();
        attributes.put("broker_node_group_info.az_distribution", group.brokerAZDistributionAsString());
        attributes.put("broker_node_group_info.client_subnets", String.join(",", group.clientSubnets()));
        attributes.put("broker_node_group_info.instance_type", group.instanceType());
        attributes.put("broker_node_group_info.security_groups", String.join(",", group.securityGroups()));
        attributes.put("broker_node_group_info.ebs_volume_size",
                String.valueOf(group.storageInfo().ebsStorageInfo().volumeSize()));
        attributes.put("broker_node_group_info.connectivity_info.public_access.type",
                group.connectivityInfo().publicAccess().type());
        var vpc = group.connectivityInfo().vpcConnectivity();
        if (vpc != null) {
            attributes.put("broker_node_group_info.connectivity_info.vpc_connectivity.client_authentication.sasl.scram",
                    String.valueOf(vpc.clientAuthentication().sasl().scram().enabled()));
            attributes.put("broker_node_group_info.connectivity_info.vpc_connectivity.client_authentication.tls",
                    String.valueOf(vpc.clientAuthentication().tls().enabled()));
        }
        attributes.put("client_authentication.sasl.iam", String.valueOf(auth.sasl().iam().enabled()));
        attributes.put("client_authentication.sasl.scram", String.valueOf(auth.sasl().scram().enabled()));
        attributes.put("client_authentication.tls.certificate_authority_arns", auth.tls().enabled()
                ? String.join(",", auth.tls().certificateAuthorityArnList()) : "");
        attributes.put("client_authentication.unauthenticated", String.valueOf(auth.unauthenticated().enabled()));
        attributes.put("cluster_name", info.clusterName());
        attributes.put("configuration_info.arn", info.currentBrokerSoftwareInfo().configurationArn());
        attributes.put("configuration_info.revision",
                String.valueOf(info.currentBrokerSoftwareInfo().configurationRevision()));
        attributes.put("encryption_info.encryption_at_rest_kms_key_arn",
                info.encryptionInfo().encryptionAtRest().dataVolumeKMSKeyId());
        attributes.put("encryption_info.encryption_in_transit.client_broker", transit.clientBrokerAsString());
        attributes.put("encryption_info.encryption_in_transit.in_cluster", String.valueOf(transit.inCluster()));
        attributes.put("enhanced_monitoring", info.enhancedMonitoringAsString());
        attributes.put("kafka_version", info.currentBrokerSoftwareInfo().kafkaVersion());
        if (info.loggingInfo() != null) {
            var logs = info.loggingInfo().brokerLogs();
            attributes.put("logging_info.broker_logs.cloudwatch_logs.enabled",
                    String.valueOf(logs.cloudWatchLogs().enabled()));
            attributes.put("logging_info.broker_logs.firehose.enabled", String.valueOf(logs.firehose().enabled()));
            attributes.put("logging_info.broker_logs.s3.enabled", String.valueOf(logs.s3().enabled()));
            if (logs.s3().bucket() != null) {
                attributes.put("logging_info.broker_logs.s3.bucket", logs.s3().bucket());
            }
        }
        attributes.put("number_of_broker_nodes", String.valueOf(info.numberOfBrokerNodes()));
        var prometheus = info.openMonitoring().prometheus();
        attributes.put("open_monitoring.prometheus.jmx_exporter.enabled_in_broker",
                String.valueOf(prometheus.jmxExporter().enabledInBroker()));
        attributes.put("open_monitoring.prometheus.node_exporter.enabled_in_broker",
                String.valueOf(prometheus.nodeExporter().enabledInBroker()));
        info.tags().forEach((k, v) -> attributes.put("tags." + k, v));
        attributes.put("bootstrap_brokers_sasl_scram", String.valueOf(brokers.bootstrapBrokerStringSaslScram()));
        return attributes;
    }

    /**
     * aws_msk_topic (internal/service/kafka/topic.go): create is CreateTopic (configs base64-encoded),
     * then DescribeTopic until ACTIVE twice in a row; read is DescribeTopic, whose configs keep, of
     * the configuration written, the keys the answer has, with its values; configs and
     * partition_count are updated by separate UpdateTopic calls, each waited for as create is; an
     * import sets configs from the answer whole; delete is DeleteTopic, then DescribeTopic until
     * NotFoundException.
     */
    @Test
    @Order(3)
    void mskTopic_readsBackItsConfigs_andItsPartitionCountAfterEachUpdate() {
        var configs = Map.of("retention.ms", "604800000", "cleanup.policy", "delete", "min.insync.replicas", "2");
        kafka.createTopic(r -> r.clusterArn(clusterArn).topicName("iac-orders").partitionCount(2).replicationFactor(3)
                .configs(TopicApiChecks.encode(configs)));
        awaitTopicActiveTwice("iac-orders");
        assertTopic("iac-orders", 2, configs);

        var fewer = Map.of("retention.ms", "86400000");
        kafka.updateTopic(r -> r.clusterArn(clusterArn).topicName("iac-orders").configs(TopicApiChecks.encode(fewer)));
        awaitTopicActiveTwice("iac-orders");
        kafka.updateTopic(r -> r.clusterArn(clusterArn).topicName("iac-orders").partitionCount(4));
        awaitTopicActiveTwice("iac-orders");
        var read = assertTopic("iac-orders", 4, fewer);
        assertThat(read).as("what the removed keys read back as: the cluster's values")
                .containsEntry("cleanup.policy", "delete");

        var imported = TopicApiChecks.decode(kafka.describeTopic(r -> r.clusterArn(clusterArn)
                .topicName("iac-orders")).configs());
        assertThat(imported).isEqualTo(read);

        kafka.deleteTopic(r -> r.clusterArn(clusterArn).topicName("iac-orders"));
        await("the topic to go").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThatThrownBy(() ->
                kafka.describeTopic(r -> r.clusterArn(clusterArn).topicName("iac-orders")))
                .isInstanceOf(NotFoundException.class));
    }

    /** The provider's flatten: the written keys, each with the value the answer gives it. */
    private Map<String, String> assertTopic(String topic, int partitions, Map<String, String> written) {
        var described = kafka.describeTopic(r -> r.clusterArn(clusterArn).topicName(topic));
        assertThat(described.partitionCount()).isEqualTo(partitions);
        assertThat(described.replicationFactor()).isEqualTo(3);
        assertThat(described.topicArn()).isEqualTo(clusterArn.replace(":cluster/", ":topic/") + "/" + topic);
        var actual = TopicApiChecks.decode(described.configs());
        var kept = new TreeMap<String, String>();
        written.keySet().stream().filter(actual::containsKey).forEach(k -> kept.put(k, actual.get(k)));
        assertThat(kept).isEqualTo(new TreeMap<>(written));
        return actual;
    }

    private void awaitTopicActiveTwice(String topic) {
        var seen = new ArrayList<TopicState>();
        await("topic " + topic + " to be ACTIVE twice in a row").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    seen.add(kafka.describeTopic(r -> r.clusterArn(clusterArn).topicName(topic)).status());
                    return seen.size() >= 2 && seen.subList(seen.size() - 2, seen.size()).stream()
                            .allMatch(s -> s == TopicState.ACTIVE);
                });
    }

    /**
     * aws_secretsmanager_secret (internal/service/secretsmanager/secret.go) for the AmazonMSK_ secret of
     * aws_msk_scram_secret_association: create is CreateSecret (ClientRequestToken, Description,
     * ForceOverwriteReplicaSecret, Name, Tags, KmsKeyId), DescribeSecret until found, then
     * PutResourcePolicy for the policy; read is DescribeSecret and GetResourcePolicy; an update of
     * description or key is UpdateSecret, of the policy PutResourcePolicy, of tags TagResource and
     * UntagResource; delete is DeleteSecret with RecoveryWindowInDays, then DescribeSecret until it
     * shows a DeletedDate.
     *
     * aws_secretsmanager_secret_version (secret_version.go): create is PutSecretValue
     * (ClientRequestToken, SecretId, SecretString), then GetSecretValue with the VersionId until
     * found; read is that GetSecretValue.
     *
     * aws_msk_scram_secret_association (internal/service/kafka/scram_secret_association.go): create
     * is BatchAssociateScramSecret, any UnprocessedScramSecrets failing it; read is ListScramSecrets;
     * delete is BatchDisassociateScramSecret, an unprocessed InvalidSecretArn ignored.
     */
    @Test
    @Order(4)
    void secretWithItsVersionPolicyAndScramAssociation_readBackAsWritten() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::000000000000:root\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
        String arn = secrets.createSecret(r -> r.clientRequestToken(UUID.randomUUID().toString()).description("")
                .forceOverwriteReplicaSecret(false).name("AmazonMSK_iac").kmsKeyId(KMS_KEY)
                .tags(t -> t.key("team").value("payments"))
                .secretString("{\"username\":\"iac\",\"password\":\"iac-secret\"}")).arn();
        secrets.putResourcePolicy(r -> r.secretId(arn).resourcePolicy(policy));
        assertSecret(arn, "", KMS_KEY, policy, Map.of("team", "payments"));

        String value = "{\"username\":\"iac\",\"password\":\"rotated\"}";
        String versionId = secrets.putSecretValue(r -> r.clientRequestToken(UUID.randomUUID().toString())
                .secretId(arn).secretString(value)).versionId();
        var version = secrets.getSecretValue(r -> r.secretId(arn).versionId(versionId));
        assertThat(version.secretString()).isEqualTo(value);
        assertThat(version.versionStages()).containsExactly("AWSCURRENT");
        assertThat(version.arn()).isEqualTo(arn);

        var association = kafka.batchAssociateScramSecret(r -> r.clusterArn(clusterArn).secretArnList(arn));
        assertThat(association.unprocessedScramSecrets()).isEmpty();
        assertThat(kafka.listScramSecrets(r -> r.clusterArn(clusterArn)).secretArnList()).containsExactly(arn);

        String wider = policy.replace("\"secretsmanager:GetSecretValue\"",
                "[\"secretsmanager:GetSecretValue\",\"secretsmanager:DescribeSecret\"]");
        secrets.updateSecret(r -> r.clientRequestToken(UUID.randomUUID().toString()).description("for iac")
                .secretId(arn).kmsKeyId(KMS_KEY));
        secrets.putResourcePolicy(r -> r.secretId(arn).resourcePolicy(wider));
        secrets.tagResource(r -> r.secretId(arn).tags(t -> t.key("env").value("test")));
        secrets.untagResource(r -> r.secretId(arn).tagKeys("team"));
        assertSecret(arn, "for iac", KMS_KEY, wider, Map.of("env", "test"));
        assertSecret(arn, "for iac", KMS_KEY, wider, Map.of("env", "test"));

        var dissociation = kafka.batchDisassociateScramSecret(r -> r.clusterArn(clusterArn).secretArnList(arn));
        assertThat(dissociation.unprocessedScramSecrets()).isEmpty();
        assertThat(kafka.listScramSecrets(r -> r.clusterArn(clusterArn)).secretArnList()).isEmpty();
        assertThat(kafka.batchDisassociateScramSecret(r -> r.clusterArn(clusterArn).secretArnList(arn))
                .unprocessedScramSecrets()).as("what the provider's delete takes as already done")
                .extracting(u -> u.errorCode()).containsExactly("InvalidSecretArn");
        secrets.deleteSecret(r -> r.secretId(arn).recoveryWindowInDays(7L));
        assertThat(secrets.describeSecret(r -> r.secretId(arn)).deletedDate()).isNotNull();
    }

    /**
     * aws_secretsmanager_secret_version (internal/service/secretsmanager/secret_version.go) through a
     * change of version_stages: the update lists the versions (ListSecretVersionIds) to find the one
     * AWSCURRENT is on, moves it with UpdateSecretVersionStage (MoveToVersionId, RemoveFromVersionId)
     * and leaves AWSPREVIOUS, which follows; the delete takes every stage but AWSCURRENT off the
     * version (UpdateSecretVersionStage with RemoveFromVersionId), then reads GetSecretValue until
     * the version has no stage but AWSCURRENT or AWSPREVIOUS.
     *
     * aws_secretsmanager_secret_policy (secret_policy.go): create is PutResourcePolicy with
     * BlockPublicPolicy, then a read; read is GetResourcePolicy; update is PutResourcePolicy; delete
     * is DeleteResourcePolicy.
     */
    @Test
    @Order(5)
    void secretVersionStages_andSecretPolicy_readBackAsWritten() {
        String arn = secrets.createSecret(r -> r.clientRequestToken(UUID.randomUUID().toString())
                .name("AmazonMSK_staged").secretString("{\"username\":\"a\",\"password\":\"one\"}")).arn();
        String first = secrets.listSecretVersionIds(r -> r.secretId(arn)).versions().get(0).versionId();
        String second = secrets.putSecretValue(r -> r.clientRequestToken(UUID.randomUUID().toString()).secretId(arn)
                .secretString("{\"username\":\"a\",\"password\":\"two\"}")).versionId();
        assertThat(stages(arn, second)).containsExactly("AWSCURRENT");
        assertThat(stages(arn, first)).as("the first version, imported").containsExactly("AWSPREVIOUS");

        String current = secrets.listSecretVersionIds(r -> r.secretId(arn)).versions().stream()
                .filter(v -> v.versionStages().contains("AWSCURRENT")).findFirst().orElseThrow().versionId();
        secrets.updateSecretVersionStage(r -> r.secretId(arn).versionStage("AWSCURRENT").moveToVersionId(first)
                .removeFromVersionId(current));
        assertThat(stages(arn, first)).containsExactly("AWSCURRENT");
        assertThat(stages(arn, second)).containsExactly("AWSPREVIOUS");
        assertThat(secrets.getSecretValue(r -> r.secretId(arn)).secretString()).contains("one");

        secrets.updateSecretVersionStage(r -> r.secretId(arn).versionStage("AWSPREVIOUS").removeFromVersionId(second));
        assertThat(stages(arn, second)).as("the deleted version resource: no stage left").isEmpty();

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::000000000000:role/reader\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
        secrets.putResourcePolicy(r -> r.secretId(arn).resourcePolicy(policy).blockPublicPolicy(true));
        assertThat(secrets.getResourcePolicy(r -> r.secretId(arn)).resourcePolicy()).isEqualTo(policy);
        String denying = policy.replace("\"Allow\"", "\"Deny\"");
        secrets.putResourcePolicy(r -> r.secretId(arn).resourcePolicy(denying).blockPublicPolicy(false));
        assertThat(secrets.getResourcePolicy(r -> r.secretId(arn)).resourcePolicy()).as("import").isEqualTo(denying);
        secrets.deleteResourcePolicy(r -> r.secretId(arn));
        assertThat(secrets.getResourcePolicy(r -> r.secretId(arn)).resourcePolicy()).isNull();
    }

    private List<String> stages(String secretArn, String versionId) {
        return secrets.getSecretValue(r -> r.secretId(secretArn).versionId(versionId)).versionStages();
    }

    private void assertSecret(String arn, String description, String kmsKeyId, String policy,
                              Map<String, String> tags) {
        DescribeSecretResponse secret = secrets.describeSecret(r -> r.secretId(arn));
        assertThat(secret.arn()).isEqualTo(arn);
        assertThat(secret.name()).isEqualTo("AmazonMSK_iac");
        assertThat(secret.description()).isEqualTo(description.isEmpty() ? null : description);
        assertThat(secret.kmsKeyId()).isEqualTo(kmsKeyId);
        assertThat(secret.replicationStatus()).isEmpty();
        assertThat(secret.deletedDate()).isNull();
        var tagMap = new TreeMap<String, String>();
        secret.tags().forEach(t -> tagMap.put(t.key(), t.value()));
        assertThat(tagMap).isEqualTo(new TreeMap<>(tags));
        assertThat(secrets.getResourcePolicy(r -> r.secretId(arn)).resourcePolicy()).isEqualTo(policy);
    }

    /**
     * aws_msk_cluster_policy (internal/service/kafka/cluster_policy.go): create is PutClusterPolicy
     * without currentVersion, then a read; read is GetClusterPolicy (current_version and policy);
     * update is PutClusterPolicy with the current_version read; delete is DeleteClusterPolicy, a
     * NotFoundException taken as done.
     */
    @Test
    @Order(6)
    void mskClusterPolicy_readsBackAsWritten_andUpdatesOverItsVersion() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"123456789012\"},\"Action\":[\"kafka:CreateVpcConnection\",\"kafka:GetBootstrapBrokers\"],"
                + "\"Resource\":\"" + clusterArn + "\"}]}";
        kafka.putClusterPolicy(r -> r.clusterArn(clusterArn).policy(policy));
        var read = kafka.getClusterPolicy(r -> r.clusterArn(clusterArn));
        assertThat(read.policy()).isEqualTo(policy);

        String narrower = policy.replace(",\"kafka:GetBootstrapBrokers\"", "");
        kafka.putClusterPolicy(r -> r.clusterArn(clusterArn).policy(narrower).currentVersion(read.currentVersion()));
        var reread = kafka.getClusterPolicy(r -> r.clusterArn(clusterArn));
        assertThat(reread.policy()).isEqualTo(narrower);
        assertThat(reread.currentVersion()).isNotEqualTo(read.currentVersion());
        var imported = kafka.getClusterPolicy(r -> r.clusterArn(clusterArn));
        assertThat(List.of(imported.currentVersion(), imported.policy())).as("import")
                .containsExactly(reread.currentVersion(), reread.policy());

        kafka.deleteClusterPolicy(r -> r.clusterArn(clusterArn));
        assertThatThrownBy(() -> kafka.deleteClusterPolicy(r -> r.clusterArn(clusterArn)))
                .isInstanceOf(NotFoundException.class);
    }

    /** Every answer the resources above read is of its operation's output shape, member for member. */
    @Test
    @Order(7)
    void everyAnswerReadAbove_matchesItsModelsOutputShape() throws Exception {
        String secret = secrets.createSecret(r -> r.name("AmazonMSK_shapes").secretString("{}")
                .tags(t -> t.key("k").value("v"))).arn();
        secrets.putResourcePolicy(r -> r.secretId(secret).resourcePolicy("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
        String authority = privateCa.listCertificateAuthorities(r -> { }).certificateAuthorities().get(0).arn();
        var calls = Map.of(
                "secretsmanager", Map.of(
                        "DescribeSecret", "{\"SecretId\":\"" + secret + "\"}",
                        "GetResourcePolicy", "{\"SecretId\":\"" + secret + "\"}",
                        "ListSecretVersionIds", "{\"SecretId\":\"" + secret + "\",\"IncludeDeprecated\":true}",
                        "BatchGetSecretValue", "{\"SecretIdList\":[\"" + secret + "\",\"missing\"]}",
                        "ListSecrets", "{\"SortBy\":\"name\"}",
                        "GetRandomPassword", "{}",
                        "ValidateResourcePolicy", "{\"ResourcePolicy\":\"[]\"}"),
                "acm-pca", Map.of(
                        "DescribeCertificateAuthority", "{\"CertificateAuthorityArn\":\"" + authority + "\"}",
                        "ListCertificateAuthorities", "{}",
                        "GetCertificateAuthorityCsr", "{\"CertificateAuthorityArn\":\"" + authority + "\"}",
                        "ListTags", "{\"CertificateAuthorityArn\":\"" + authority + "\"}"));
        for (var service : calls.entrySet()) {
            var model = ServiceModel.load("/aws-models/" + service.getKey() + ".service.json");
            var conformance = new ModelConformance(model);
            var http = new ModelCalls(model, streamplane.endpoint());
            for (var call : service.getValue().entrySet()) {
                var operation = model.operation(call.getKey()).orElseThrow();
                var reply = http.send(operation, (ObjectNode) new ObjectMapper().readTree(call.getValue()));
                assertThat(reply.statusCode()).as(call.getKey() + ": " + reply.body()).isEqualTo(200);
                assertThat(conformance.violations(operation.outputShape().orElseThrow(),
                        new ObjectMapper().readTree(reply.body()))).as(call.getKey()).isEmpty();
            }
        }
    }

    /** The deletes of aws_msk_cluster and then aws_msk_configuration, as their sequences above end. */
    @Test
    @Order(8)
    void deletes_leaveNothingBehind() {
        kafka.deleteCluster(r -> r.clusterArn(clusterArn));
        Clusters.awaitGone(kafka, clusterArn);
        kafka.deleteConfiguration(r -> r.arn(configurationArn));
        await("the configuration to go").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThatThrownBy(() ->
                kafka.describeConfiguration(r -> r.arn(configurationArn))).isInstanceOf(NotFoundException.class));
    }

    private String currentVersion() {
        return kafka.describeCluster(r -> r.clusterArn(clusterArn)).clusterInfo().currentVersion();
    }

    private void awaitOperation(String operationArn) {
        await("operation " + operationArn).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    String state = kafka.describeClusterOperation(r -> r.clusterOperationArn(operationArn))
                            .clusterOperationInfo().operationState();
                    if (state.equals("UPDATE_FAILED")) {
                        throw new IllegalStateException("Operation " + operationArn + " failed");
                    }
                    return state.equals("UPDATE_COMPLETE");
                });
    }
}

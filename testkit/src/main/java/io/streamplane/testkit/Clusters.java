package io.streamplane.testkit;

import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClientBroker;
import software.amazon.awssdk.services.kafka.model.ClusterState;
import software.amazon.awssdk.services.kafka.model.EncryptionInfo;
import software.amazon.awssdk.services.kafka.model.NotFoundException;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** Creating clusters and waiting on their states through the real MSK API. */
public final class Clusters {
    public static final String KAFKA_VERSION = "4.1.x.kraft";
    public static final Duration CREATE_TIMEOUT = Duration.ofMinutes(3);

    /** No TLS, between clients and brokers or inside the cluster. */
    public static final EncryptionInfo PLAINTEXT = EncryptionInfo.builder().encryptionInTransit(
            t -> t.clientBroker(ClientBroker.PLAINTEXT).inCluster(false)).build();

    private Clusters() {
    }

    /**
     * Sends CreateClusterV2 for a cluster of {@code brokers} kafka.m5.large brokers over the subnets,
     * plaintext only (port 9092), where MSK's default would be TLS only: most tests are about other
     * things and use plain clients.
     */
    public static String createCluster(KafkaClient kafka, String name, int brokers, List<String> subnets) {
        return createCluster(kafka, name, brokers, subnets, KAFKA_VERSION);
    }

    /** The same on another Kafka version, e.g. {@code 4.0.x.kraft}. */
    public static String createCluster(KafkaClient kafka, String name, int brokers, List<String> subnets,
                                       String kafkaVersion) {
        return kafka.createClusterV2(r -> r.clusterName(name).provisioned(p -> p
                .kafkaVersion(kafkaVersion)
                .numberOfBrokerNodes(brokers)
                .encryptionInfo(PLAINTEXT)
                .brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large").clientSubnets(subnets)
                        .storageInfo(s -> s.ebsStorageInfo(e -> e.volumeSize(100)))))).clusterArn();
    }

    /** Waits for the state; a cluster that fails instead ends the wait at once, with its stateInfo. */
    public static void awaitState(KafkaClient kafka, String clusterArn, ClusterState state) {
        await("cluster " + clusterArn + " to be " + state).atMost(CREATE_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var info = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo();
                    if (info.state() == ClusterState.FAILED && state != ClusterState.FAILED) {
                        throw new IllegalStateException("Cluster " + clusterArn + " FAILED: " + info.stateInfo());
                    }
                    return info.state() == state;
                });
    }

    public static void awaitGone(KafkaClient kafka, String clusterArn) {
        await("cluster " + clusterArn + " to be deleted").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    try {
                        kafka.describeClusterV2(r -> r.clusterArn(clusterArn));
                        return false;
                    } catch (NotFoundException e) {
                        return true;
                    }
                });
    }

    public static String bootstrap(KafkaClient kafka, String clusterArn) {
        return kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn)).bootstrapBrokerString();
    }
}

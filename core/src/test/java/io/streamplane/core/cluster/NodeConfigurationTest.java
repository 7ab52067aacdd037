package io.streamplane.core.cluster;

import io.streamplane.core.node.NodeLaunchSpec;
import io.streamplane.core.node.NodeRole;
import io.streamplane.core.security.ClusterSecurity;
import io.streamplane.core.security.InternalCredentials;
import io.streamplane.core.security.NodeTls;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NodeConfigurationTest {
    private static final AvailabilityZone AZ1 = new AvailabilityZone("us-east-1a", "use1-az1", "s1");
    private static final ClusterSecurity PLAIN = ClusterSecurity.PLAINTEXT_ONLY;
    private static final InternalCredentials INTERNAL = new InternalCredentials(InternalCredentials.USERNAME, "s3cret");
    private static final AvailabilityZone AZ2 = new AvailabilityZone("us-east-1b", "use1-az2", "s2");

    @Test
    void mskDefaults_forThreeZones_replicateThreeTimesWithTwoInSync() {
        var props = NodeConfiguration.mskBrokerDefaults(3, 3);

        assertThat(props).containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("allow.everyone.if.no.acl.found", "true")
                .containsEntry("unclean.leader.election.enable", "true")
                .containsEntry("num.partitions", "1")
                .containsEntry("message.max.bytes", "1048588");
    }

    @Test
    void mskDefaults_forTwoZones_replicateTwiceWithOneInSync() {
        var props = NodeConfiguration.mskBrokerDefaults(2, 2);

        assertThat(props).containsEntry("default.replication.factor", "2")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("offsets.topic.replication.factor", "2");
    }

    @Test
    void forNode_givesABrokerItsRackListenerAndTheControllerQuorum() {
        var broker = node(2, NodeRole.BROKER, AZ2, "127.1.1.2", 9092);
        var controller = node(3001, NodeRole.CONTROLLER, AZ1, "127.1.1.201", 9093);

        var props = NodeConfiguration.forNode(broker, List.of(broker, controller), 2, Map.of(), PLAIN, INTERNAL,
                Optional.empty(), MetadataWiring.KRAFT);

        assertThat(props).containsEntry("process.roles", "broker")
                .containsEntry("node.id", "2")
                .containsEntry("broker.rack", "use1-az2")
                .containsEntry("listeners", "CLIENT://127.1.1.2:9092,REPLICATION://127.1.1.2:9093")
                .containsEntry("advertised.listeners", "CLIENT://127.1.1.2:9092,REPLICATION://127.1.1.2:9093")
                .containsEntry("controller.quorum.voters", "3001@127.1.1.201:9093");
    }

    @Test
    void forNode_onAZooKeeperCluster_givesABrokerItsIdRackAndTheEnsemble_andNoKraftWiring() {
        var broker = node(1, NodeRole.BROKER, AZ1, "127.1.1.1", 9092);
        var zk1 = node(3001, NodeRole.ZOOKEEPER, AZ1, "127.1.1.201", 2181);
        var zk2 = node(3002, NodeRole.ZOOKEEPER, AZ2, "127.1.1.202", 2181);

        var props = NodeConfiguration.forNode(broker, List.of(broker, zk1, zk2), 2, Map.of(), PLAIN, INTERNAL,
                Optional.empty(), MetadataWiring.ZOOKEEPER);

        assertThat(props).containsEntry("broker.id", "1")
                .containsEntry("broker.rack", "use1-az1")
                .containsEntry("zookeeper.connect", "127.1.1.201:2181,127.1.1.202:2181")
                .containsEntry("allow.everyone.if.no.acl.found", "true")
                .doesNotContainKeys("process.roles", "node.id", "controller.quorum.voters",
                        "broker.heartbeat.interval.ms");
    }

    @Test
    void forNode_givesAZooKeeperServerItsClientAddressAndTheEnsemble_andNoKafkaProperty() {
        var zk1 = node(3001, NodeRole.ZOOKEEPER, AZ1, "127.1.1.201", 2181);
        var zk2 = node(3002, NodeRole.ZOOKEEPER, AZ2, "127.1.1.202", 2181);
        var broker = node(1, NodeRole.BROKER, AZ1, "127.1.1.1", 9092);

        var props = NodeConfiguration.forNode(zk2, List.of(broker, zk1, zk2), 2, Map.of("num.partitions", "3"),
                PLAIN, INTERNAL, Optional.empty(), MetadataWiring.ZOOKEEPER);

        assertThat(props).containsEntry("clientPortAddress", "127.1.1.202")
                .containsEntry("clientPort", "2181")
                .containsEntry("server.3001", "127.1.1.201:2888:3888")
                .containsEntry("server.3002", "127.1.1.202:2888:3888")
                .containsEntry("admin.enableServer", "false")
                .doesNotContainKeys("num.partitions", "listeners", "broker.id");
    }

    @Test
    void withEncryptionInsideTheCluster_zooKeeperServesTlsOn2182_andBrokersConnectThere() {
        var zk1 = node(3001, NodeRole.ZOOKEEPER, AZ1, "127.1.1.201", 2181);
        var broker = node(1, NodeRole.BROKER, AZ1, "127.1.1.1", 9092);
        var nodes = List.of(broker, zk1);
        var tls = Optional.of(new NodeTls("KEY\n", "CHAIN\n", "CA\n", List.of()));
        var encrypted = ClusterSecurity.MSK_DEFAULT;

        var server = NodeConfiguration.forNode(zk1, nodes, 1, Map.of(), encrypted, INTERNAL, tls, MetadataWiring.ZOOKEEPER);
        var brokerProps = NodeConfiguration.forNode(broker, nodes, 1, Map.of(), encrypted, INTERNAL, tls, MetadataWiring.ZOOKEEPER);

        assertThat(server).containsEntry("secureClientPort", "2182")
                .containsEntry("secureClientPortAddress", "127.1.1.201")
                .containsEntry("serverCnxnFactory", "org.apache.zookeeper.server.NettyServerCnxnFactory")
                .containsEntry("ssl.keyStore.location", NodeLaunchSpec.filePath("zookeeper-keystore.pem"))
                .containsEntry("clientPort", "2181");
        assertThat(brokerProps).containsEntry("zookeeper.connect", "127.1.1.201:2182")
                .containsEntry("zookeeper.ssl.client.enable", "true")
                .containsEntry("zookeeper.ssl.truststore.location", NodeLaunchSpec.filePath("zookeeper-truststore.pem"));
        assertThat(ZooKeeperConfiguration.files(zk1, nodes, tls))
                .containsEntry("zookeeper-keystore.pem", "KEY\nCHAIN\n").containsEntry("zookeeper-truststore.pem", "CA\n");
        assertThat(ZooKeeperConfiguration.files(broker, nodes, tls)).containsOnlyKeys("zookeeper-truststore.pem");
    }

    @Test
    void duringAMigrationToKraft_brokersOnZooKeeperRegisterWithTheControllers_whichReachZooKeeperAndTheBrokers() {
        var broker = node(1, NodeRole.BROKER, AZ1, "127.1.1.1", 9092);
        var zk = node(3001, NodeRole.ZOOKEEPER, AZ1, "127.1.1.201", 2181);
        var controller = node(3004, NodeRole.CONTROLLER, AZ1, "127.1.1.204", 9093);
        var nodes = List.of(broker, zk, controller);

        var migratingBroker = NodeConfiguration.forNode(broker, nodes, 1, Map.of(), PLAIN, INTERNAL, Optional.empty(),
                MetadataWiring.MIGRATING);
        var migratingController = NodeConfiguration.forNode(controller, nodes, 1, Map.of(), PLAIN, INTERNAL,
                Optional.empty(), MetadataWiring.MIGRATING);
        var kraftBroker = NodeConfiguration.forNode(broker, nodes, 1, Map.of(), PLAIN, INTERNAL, Optional.empty(),
                MetadataWiring.BROKERS_ON_KRAFT);
        var finalController = NodeConfiguration.forNode(controller, nodes, 1, Map.of(), PLAIN, INTERNAL,
                Optional.empty(), MetadataWiring.KRAFT);

        assertThat(migratingBroker).containsEntry("broker.id", "1")
                .containsEntry("zookeeper.connect", "127.1.1.201:2181")
                .containsEntry("zookeeper.metadata.migration.enable", "true")
                .containsEntry("controller.quorum.voters", "3004@127.1.1.204:9093")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("authorizer.class.name", "kafka.security.authorizer.AclAuthorizer");
        assertThat(migratingBroker.get("listener.security.protocol.map")).endsWith(",CONTROLLER:SASL_PLAINTEXT");
        assertThat(migratingController).containsEntry("zookeeper.metadata.migration.enable", "true")
                .containsEntry("zookeeper.connect", "127.1.1.201:2181")
                .containsEntry("inter.broker.listener.name", "REPLICATION")
                .containsEntry("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,REPLICATION:SASL_PLAINTEXT");
        assertThat(kraftBroker).containsEntry("process.roles", "broker").containsEntry("node.id", "1")
                .doesNotContainKeys("zookeeper.connect", "broker.id", "zookeeper.metadata.migration.enable");
        assertThat(finalController).doesNotContainKeys("zookeeper.connect", "zookeeper.metadata.migration.enable");
    }

    @Test
    void forNode_givesAControllerTheControllerListenerAndTheTopicDefaults() {
        var controller = node(3001, NodeRole.CONTROLLER, AZ1, "127.1.1.201", 9093);
        var broker = node(1, NodeRole.BROKER, AZ1, "127.1.1.1", 9092);

        var props = NodeConfiguration.forNode(controller, List.of(controller, broker, broker, broker), 3, Map.of(),
                PLAIN, INTERNAL, Optional.empty(), MetadataWiring.KRAFT);

        assertThat(props).containsEntry("process.roles", "controller")
                .containsEntry("listeners", "CONTROLLER://127.1.1.201:9093")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .doesNotContainKey("broker.rack")
                .doesNotContainKey("advertised.listeners");
    }

    @Test
    void forNode_letsACustomConfigurationOverrideTheDefaults() {
        var broker = node(1, NodeRole.BROKER, AZ1, "127.1.1.1", 9092);

        var props = NodeConfiguration.forNode(broker, List.of(broker), 3,
                Map.of("message.max.bytes", "2097152", "auto.create.topics.enable", "true"), PLAIN, INTERNAL,
                Optional.empty(), MetadataWiring.KRAFT);

        assertThat(props).containsEntry("message.max.bytes", "2097152")
                .containsEntry("auto.create.topics.enable", "true")
                .containsEntry("listeners", "CLIENT://127.1.1.1:9092,REPLICATION://127.1.1.1:9093");
    }

    private static ClusterNode node(int id, NodeRole role, AvailabilityZone zone, String host, int port) {
        return new ClusterNode("arn", id, role, zone, host, port, Instant.EPOCH, Optional.empty());
    }
}

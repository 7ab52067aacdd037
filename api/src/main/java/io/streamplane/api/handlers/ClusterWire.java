package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterSpec;
import io.streamplane.core.cluster.OpenMonitoring;
import io.streamplane.core.cluster.ZooKeeperConnect;
import io.streamplane.core.security.ClusterSecurity;

import java.util.Map;
import java.util.Optional;

/** Writes clusters and nodes in MSK's wire shapes: ClusterInfo (v1), Cluster (v2) and NodeInfo. */
final class ClusterWire {
    private ClusterWire() {
    }

    /**
     * The v1 ClusterInfo: flat.
     *
     * @param zookeeper        where a ZooKeeper cluster's ensemble is reached; empty on KRaft clusters
     * @param defaultVolumeKey the KMS key MSK names for encryption at rest when the cluster named none
     */
    static ObjectNode clusterInfo(Cluster cluster, Map<String, String> tags, Optional<ZooKeeperConnect> zookeeper,
                                  String defaultVolumeKey) {
        var node = common(cluster, tags);
        provisionedMembers(node, cluster.spec(), zookeeper, defaultVolumeKey);
        return node;
    }

    /**
     * The v2 Cluster: the provisioned members nested under {@code provisioned}.
     *
     * @param defaultVolumeKey the KMS key MSK names for encryption at rest when the cluster named none
     */
    static ObjectNode clusterV2(Cluster cluster, Map<String, String> tags, Optional<ZooKeeperConnect> zookeeper,
                                String defaultVolumeKey) {
        var node = common(cluster, tags);
        node.put("clusterType", "PROVISIONED");
        provisionedMembers(node.putObject("provisioned"), cluster.spec(), zookeeper, defaultVolumeKey);
        return node;
    }

    private static ObjectNode common(Cluster cluster, Map<String, String> tags) {
        var node = Wire.object();
        cluster.activeOperationArn().ifPresent(a -> node.put("activeOperationArn", a));
        node.put("clusterArn", cluster.arn());
        node.put("clusterName", cluster.name());
        node.put("creationTime", Wire.timestamp(cluster.creationTime()));
        node.put("currentVersion", cluster.currentVersion());
        node.put("state", cluster.state().name());
        cluster.stateInfo().ifPresent(info -> node.putObject("stateInfo")
                .put("code", info.code()).put("message", info.message()));
        node.set("tags", Wire.tags(tags));
        return node;
    }

    private static void provisionedMembers(ObjectNode node, ClusterSpec spec, Optional<ZooKeeperConnect> zookeeper,
                                           String defaultVolumeKey) {
        node.set("brokerNodeGroupInfo", brokerNodeGroupInfo(spec));
        var security = spec.security();
        node.set("clientAuthentication", clientAuthentication(security));
        var software = node.putObject("currentBrokerSoftwareInfo");
        spec.configuration().ifPresent(c -> software.put("configurationArn", c.arn())
                .put("configurationRevision", c.revision()));
        software.put("kafkaVersion", spec.kafkaVersion());
        var encryption = node.putObject("encryptionInfo");
        encryption.putObject("encryptionAtRest").put("dataVolumeKMSKeyId",
                spec.recorded().dataVolumeKmsKeyId().orElse(defaultVolumeKey));
        encryption.putObject("encryptionInTransit")
                .put("clientBroker", security.clientBroker()).put("inCluster", security.inCluster());
        node.put("enhancedMonitoring", spec.enhancedMonitoring());
        spec.recorded().loggingInfo().ifPresent(logging -> node.set("loggingInfo", RecordedJson.read(logging)));
        node.put("numberOfBrokerNodes", spec.numberOfBrokerNodes());
        node.set("openMonitoring", openMonitoring(spec.openMonitoring()));
        node.putObject("rebalancing").put("status", spec.rebalancing());
        node.put("storageMode", spec.storageMode());
        zookeeper.ifPresent(z -> {
            node.put("zookeeperConnectString", z.plaintext());
            z.tls().ifPresent(tls -> node.put("zookeeperConnectStringTls", tls));
        });
    }

    static ObjectNode clientAuthentication(ClusterSecurity security) {
        var auth = Wire.object();
        var sasl = auth.putObject("sasl");
        sasl.putObject("scram").put("enabled", security.scram());
        sasl.putObject("iam").put("enabled", false);
        var tls = auth.putObject("tls").put("enabled", security.mutualTls());
        var arns = tls.putArray("certificateAuthorityArnList");
        security.certificateAuthorityArns().forEach(arns::add);
        auth.putObject("unauthenticated").put("enabled", security.unauthenticated());
        return auth;
    }

    /** OpenMonitoringInfo and OpenMonitoring have the same members on the wire. */
    static ObjectNode openMonitoring(OpenMonitoring open) {
        var node = Wire.object();
        var prometheus = node.putObject("prometheus");
        prometheus.putObject("jmxExporter").put("enabledInBroker", open.jmxExporter());
        prometheus.putObject("nodeExporter").put("enabledInBroker", open.nodeExporter());
        return node;
    }

    static ObjectNode brokerNodeGroupInfo(ClusterSpec spec) {
        var group = Wire.object();
        group.put("brokerAZDistribution", "DEFAULT");
        var subnets = group.putArray("clientSubnets");
        spec.clientSubnets().forEach(subnets::add);
        group.put("instanceType", spec.instanceType());
        var securityGroups = group.putArray("securityGroups");
        spec.securityGroups().forEach(securityGroups::add);
        var recorded = spec.recorded();
        var ebs = group.putObject("storageInfo").putObject("ebsStorageInfo").put("volumeSize", spec.volumeSizeGiB());
        recorded.provisionedThroughput().ifPresent(t -> ebs.set("provisionedThroughput", RecordedJson.read(t)));
        var connectivity = group.putObject("connectivityInfo");
        connectivity.putObject("publicAccess").put("type", ProvisionedRequestReader.PUBLIC_ACCESS_DISABLED);
        recorded.vpcConnectivity().ifPresent(v -> connectivity.set("vpcConnectivity", RecordedJson.read(v)));
        connectivity.put("networkType", recorded.networkType());
        if (!recorded.zoneIds().isEmpty()) {
            var zoneIds = group.putArray("zoneIds");
            recorded.zoneIds().forEach(zoneIds::add);
        }
        return group;
    }

    /** The parts of a spec that operations report as source and target (MutableClusterInfo). */
    static ObjectNode mutableClusterInfo(ClusterSpec spec) {
        var info = Wire.object();
        info.putArray("brokerEBSVolumeInfo").addObject()
                .put("kafkaBrokerNodeId", "ALL").put("volumeSizeGB", spec.volumeSizeGiB());
        info.put("enhancedMonitoring", spec.enhancedMonitoring());
        spec.configuration().ifPresent(c -> info.putObject("configurationInfo")
                .put("arn", c.arn()).put("revision", c.revision()));
        info.put("instanceType", spec.instanceType());
        info.put("kafkaVersion", spec.kafkaVersion());
        info.put("numberOfBrokerNodes", spec.numberOfBrokerNodes());
        info.set("openMonitoring", openMonitoring(spec.openMonitoring()));
        info.putObject("rebalancing").put("status", spec.rebalancing());
        info.put("storageMode", spec.storageMode());
        return info;
    }

    static ObjectNode nodeInfo(Cluster cluster, ClusterNode node, String nodeArn) {
        var info = Wire.object();
        info.put("addedToClusterTime", Wire.timestamp(node.addedTime()));
        var broker = info.putObject("brokerNodeInfo");
        broker.put("attachedENIId", "eni-" + cluster.uuid().substring(0, 8) + String.format("%04d", node.nodeId()));
        broker.put("brokerId", (double) node.nodeId());
        broker.put("clientSubnet", node.zone().subnet());
        broker.put("clientVpcIpAddress", node.host());
        broker.putObject("currentBrokerSoftwareInfo").put("kafkaVersion", cluster.spec().kafkaVersion());
        broker.putArray("endpoints").add(node.host());
        info.put("instanceType", cluster.spec().instanceType());
        info.put("nodeARN", nodeArn);
        info.put("nodeType", "BROKER");
        return info;
    }
}

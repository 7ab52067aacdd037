package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.Page;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.CreateClusterCommand;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.health.StorageUsage;
import io.streamplane.core.lifecycle.ClusterService;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.security.ClusterSecurity;
import io.streamplane.core.tag.TagService;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

/** The MSK cluster operations: create, describe, list and delete clusters, their nodes and bootstrap brokers. */
public final class ClusterHandlers {
    private final ClusterService clusters;
    private final TagService tags;
    private final ServiceIdentity identity;
    private final StorageUsage storage;

    public ClusterHandlers(ClusterService clusters, TagService tags, ServiceIdentity identity, StorageUsage storage) {
        this.clusters = clusters;
        this.tags = tags;
        this.identity = identity;
        this.storage = storage;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateCluster", this::createCluster);
        handlers.put("CreateClusterV2", this::createClusterV2);
        handlers.put("DescribeCluster", this::describeCluster);
        handlers.put("DescribeClusterV2", this::describeClusterV2);
        handlers.put("ListClusters", this::listClusters);
        handlers.put("ListClustersV2", this::listClustersV2);
        handlers.put("DeleteCluster", this::deleteCluster);
        handlers.put("GetBootstrapBrokers", this::getBootstrapBrokers);
        handlers.put("ListNodes", this::listNodes);
        handlers.put("UpdateClusterConfiguration", this::updateClusterConfiguration);
        handlers.put("RebootBroker", this::rebootBroker);
        handlers.put("UpdateBrokerType", this::updateBrokerType);
        handlers.put("UpdateClusterKafkaVersion", this::updateClusterKafkaVersion);
        handlers.put("UpdateMonitoring", this::updateMonitoring);
        handlers.put("UpdateBrokerCount", this::updateBrokerCount);
        handlers.put("UpdateBrokerStorage", this::updateBrokerStorage);
        handlers.put("UpdateStorage", this::updateStorage);
        handlers.put("UpdateRebalancing", this::updateRebalancing);
        handlers.put("UpdateSecurity", this::updateSecurity);
        handlers.put("UpdateConnectivity", this::updateConnectivity);
    }

    /**
     * Public access needs public addresses, which brokers on this machine's loopback addresses do not
     * have, so only DISABLED is taken; the rest is checked as at creation and recorded.
     */
    JsonNode updateConnectivity(ObjectNode input) {
        if (input.has("zookeeperAccess")) {
            throw new InvalidRequest("zookeeperAccess", "zookeeperAccess is not supported: a ZooKeeper cluster's "
                    + "ensemble is reached at its zookeeperConnectString, as it is");
        }
        JsonNode connectivity = input.path("connectivityInfo");
        String publicAccess = connectivity.path("publicAccess").path("type")
                .asText(ProvisionedRequestReader.PUBLIC_ACCESS_DISABLED);
        if (!publicAccess.equals(ProvisionedRequestReader.PUBLIC_ACCESS_DISABLED)) {
            throw new InvalidRequest("connectivityInfo.publicAccess.type", "Public access needs public IP addresses; "
                    + "the brokers listen on this machine's own addresses, so publicAccess.type must be DISABLED");
        }
        var cluster = clusters.describe(input.path("clusterArn").asText());
        String networkType = ProvisionedRequestReader.networkType(connectivity, "connectivityInfo.networkType");
        JsonNode vpc = connectivity.path("vpcConnectivity");
        if (!vpc.isMissingNode()) {
            VpcConnectivityRule.check(vpc, "connectivityInfo.vpcConnectivity", cluster.spec().security());
        }
        var operation = clusters.updateConnectivity(cluster.arn(), input.path("currentVersion").asText(),
                vpc.isMissingNode() ? cluster.spec().recorded().vpcConnectivity() : ProvisionedRequestReader.json(vpc),
                networkType);
        return operationStarted(operation);
    }

    JsonNode updateSecurity(ObjectNode input) {
        if (input.path("encryptionInfo").has("encryptionAtRest")) {
            throw new InvalidRequest("encryptionInfo.encryptionAtRest", "Encryption at rest can't be changed once the "
                    + "cluster exists");
        }
        ProvisionedRequestReader.refuseIam(input.path("clientAuthentication"), "");
        JsonNode transit = input.path("encryptionInfo").path("encryptionInTransit");
        var authentication = input.has("clientAuthentication")
                ? Optional.of(ProvisionedRequestReader.security(input, "")) : Optional.<ClusterSecurity>empty();
        var operation = clusters.updateSecurity(input.path("clusterArn").asText(),
                input.path("currentVersion").asText(), Wire.text(transit, "clientBroker"),
                transit.has("inCluster") ? Optional.of(transit.path("inCluster").asBoolean()) : Optional.empty(),
                authentication);
        return operationStarted(operation);
    }

    JsonNode updateRebalancing(ObjectNode input) {
        var operation = clusters.updateRebalancing(input.path("clusterArn").asText(),
                input.path("currentVersion").asText(), input.path("rebalancing").path("status").asText());
        return operationStarted(operation);
    }

    JsonNode updateBrokerStorage(ObjectNode input) {
        var volumes = input.path("targetBrokerEBSVolumeInfo");
        if (volumes.size() != 1 || !volumes.get(0).path("kafkaBrokerNodeId").asText().equalsIgnoreCase("ALL")) {
            throw new InvalidRequest("targetBrokerEBSVolumeInfo", "targetBrokerEBSVolumeInfo must hold one entry "
                    + "whose kafkaBrokerNodeId is ALL: every broker's volume has the same size");
        }
        var volume = volumes.get(0);
        ProvisionedThroughputRule.refuse(volume.path("provisionedThroughput"), "targetBrokerEBSVolumeInfo.provisionedThroughput");
        if (!volume.has("volumeSizeGB")) {
            throw new InvalidRequest("targetBrokerEBSVolumeInfo.volumeSizeGB", "volumeSizeGB is required");
        }
        var operation = clusters.updateStorage(input.path("clusterArn").asText(), input.path("currentVersion").asText(),
                "targetBrokerEBSVolumeInfo.volumeSizeGB", volume.path("volumeSizeGB").asInt(),
                ProvisionedRequestReader.json(volume.path("provisionedThroughput")));
        return operationStarted(operation);
    }

    JsonNode updateStorage(ObjectNode input) {
        if (input.path("storageMode").asText("LOCAL").equals("TIERED")) {
            throw new InvalidRequest("storageMode", "Tiered storage is not supported; storageMode must be LOCAL");
        }
        ProvisionedThroughputRule.refuse(input.path("provisionedThroughput"), "provisionedThroughput");
        if (!input.has("volumeSizeGB")) {
            throw new InvalidRequest("volumeSizeGB", "volumeSizeGB is required: it is the only storage setting "
                    + "that can change here");
        }
        var operation = clusters.updateStorage(input.path("clusterArn").asText(), input.path("currentVersion").asText(),
                "volumeSizeGB", input.path("volumeSizeGB").asInt(),
                ProvisionedRequestReader.json(input.path("provisionedThroughput")));
        return operationStarted(operation);
    }

    JsonNode updateBrokerCount(ObjectNode input) {
        var operation = clusters.updateBrokerCount(input.path("clusterArn").asText(),
                input.path("currentVersion").asText(), input.path("targetNumberOfBrokerNodes").asInt());
        return operationStarted(operation);
    }

    JsonNode updateMonitoring(ObjectNode input) {
        ProvisionedRequestReader.refuseLogDelivery(input.path("loggingInfo"), "");
        var operation = clusters.updateMonitoring(input.path("clusterArn").asText(),
                input.path("currentVersion").asText(), Wire.text(input, "enhancedMonitoring"),
                ProvisionedRequestReader.openMonitoring(input.path("openMonitoring")),
                ProvisionedRequestReader.json(input.path("loggingInfo")));
        return operationStarted(operation);
    }

    JsonNode updateClusterKafkaVersion(ObjectNode input) {
        var operation = clusters.updateKafkaVersion(input.path("clusterArn").asText(),
                input.path("currentVersion").asText(), input.path("targetKafkaVersion").asText(),
                ProvisionedRequestReader.configurationInfo(input.path("configurationInfo")));
        return operationStarted(operation);
    }

    JsonNode updateBrokerType(ObjectNode input) {
        var operation = clusters.updateBrokerType(input.path("clusterArn").asText(),
                input.path("currentVersion").asText(), input.path("targetInstanceType").asText());
        return operationStarted(operation);
    }

    JsonNode updateClusterConfiguration(ObjectNode input) {
        var operation = clusters.updateClusterConfiguration(input.path("clusterArn").asText(),
                input.path("currentVersion").asText(),
                ProvisionedRequestReader.configurationInfo(input.path("configurationInfo")).orElseThrow());
        return operationStarted(operation);
    }

    JsonNode rebootBroker(ObjectNode input) {
        var ids = new ArrayList<String>();
        input.path("brokerIds").forEach(id -> ids.add(id.asText()));
        var operation = clusters.rebootBroker(input.path("clusterArn").asText(), ids);
        return operationStarted(operation);
    }

    JsonNode createCluster(ObjectNode input) {
        var spec = ProvisionedRequestReader.read(input, "");
        var cluster = clusters.createCluster(new CreateClusterCommand(input.path("clusterName").asText(), spec,
                Wire.stringMap(input, "tags"), ""));
        return Wire.object().put("clusterArn", cluster.arn()).put("clusterName", cluster.name())
                .put("state", cluster.state().name());
    }

    JsonNode createClusterV2(ObjectNode input) {
        if (input.has("serverless")) {
            throw new InvalidRequest("serverless", "Serverless clusters are not supported yet; create a provisioned "
                    + "cluster with the provisioned member");
        }
        if (!input.has("provisioned")) {
            throw new InvalidRequest("provisioned", "provisioned is required (serverless clusters are not supported)");
        }
        var spec = ProvisionedRequestReader.read(input.get("provisioned"), "provisioned.");
        var cluster = clusters.createCluster(new CreateClusterCommand(input.path("clusterName").asText(), spec,
                Wire.stringMap(input, "tags"), "provisioned."));
        return Wire.object().put("clusterArn", cluster.arn()).put("clusterName", cluster.name())
                .put("clusterType", "PROVISIONED").put("state", cluster.state().name());
    }

    JsonNode describeCluster(ObjectNode input) {
        var cluster = storage.withStorageWarning(clusters.describe(input.path("clusterArn").asText()));
        var out = Wire.object();
        out.set("clusterInfo", ClusterWire.clusterInfo(cluster, tags.tags(cluster.arn()),
                clusters.zookeeperConnect(cluster), identity.awsManagedKafkaKeyArn()));
        return out;
    }

    JsonNode describeClusterV2(ObjectNode input) {
        var cluster = storage.withStorageWarning(clusters.describe(input.path("clusterArn").asText()));
        var out = Wire.object();
        out.set("clusterInfo", ClusterWire.clusterV2(cluster, tags.tags(cluster.arn()),
                clusters.zookeeperConnect(cluster), identity.awsManagedKafkaKeyArn()));
        return out;
    }

    JsonNode listClusters(ObjectNode input) {
        return Wire.page("clusterInfoList", list(input), c -> ClusterWire.clusterInfo(storage.withStorageWarning(c),
                tags.tags(c.arn()), clusters.zookeeperConnect(c), identity.awsManagedKafkaKeyArn()));
    }

    JsonNode listClustersV2(ObjectNode input) {
        var type = Wire.text(input, "clusterTypeFilter");
        if (type.isPresent() && !type.get().equals("PROVISIONED")) {
            if (!type.get().equals("SERVERLESS")) {
                throw new InvalidRequest("clusterTypeFilter", "clusterTypeFilter must be PROVISIONED or SERVERLESS, "
                        + "got '" + type.get() + "'");
            }
            var none = Wire.object();
            none.putArray("clusterInfoList"); // no serverless clusters exist here
            return none;
        }
        return Wire.page("clusterInfoList", list(input), c -> ClusterWire.clusterV2(storage.withStorageWarning(c),
                tags.tags(c.arn()), clusters.zookeeperConnect(c), identity.awsManagedKafkaKeyArn()));
    }

    /** What every change to a running cluster answers: the cluster and the operation now running. */
    private static JsonNode operationStarted(ClusterOperation operation) {
        return Wire.object().put("clusterArn", operation.clusterArn()).put("clusterOperationArn", operation.arn());
    }

    private Page<Cluster> list(ObjectNode input) {
        return clusters.list(Wire.text(input, "clusterNameFilter"), Wire.integer(input, "maxResults"),
                Wire.text(input, "nextToken"));
    }

    JsonNode deleteCluster(ObjectNode input) {
        var cluster = clusters.delete(input.path("clusterArn").asText(), Wire.text(input, "currentVersion"));
        return Wire.object().put("clusterArn", cluster.arn()).put("state", cluster.state().name());
    }

    JsonNode getBootstrapBrokers(ObjectNode input) {
        var brokers = clusters.bootstrapBrokers(input.path("clusterArn").asText());
        var output = Wire.object();
        brokers.plaintext().ifPresent(b -> output.put("bootstrapBrokerString", b));
        brokers.tls().ifPresent(b -> output.put("bootstrapBrokerStringTls", b));
        brokers.saslScram().ifPresent(b -> output.put("bootstrapBrokerStringSaslScram", b));
        return output;
    }

    JsonNode listNodes(ObjectNode input) {
        String arn = input.path("clusterArn").asText();
        var cluster = clusters.describe(arn);
        var page = Page.of(clusters.brokerNodes(arn), Wire.integer(input, "maxResults"),
                Wire.text(input, "nextToken"));
        return Wire.page("nodeInfoList", page, n -> ClusterWire.nodeInfo(cluster, n,
                identity.brokerArn(cluster.name(), cluster.uuid(), n.nodeId())));
    }

}

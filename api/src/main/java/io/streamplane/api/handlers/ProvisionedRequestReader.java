package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamplane.core.cluster.ClusterSpec;
import io.streamplane.core.cluster.OpenMonitoring;
import io.streamplane.core.cluster.RecordedSettings;
import io.streamplane.core.configuration.ConfigurationRef;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.security.ClusterSecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the provisioned-cluster part of CreateCluster (flat) and CreateClusterV2 ({@code provisioned})
 * into a {@link ClusterSpec}, refusing clearly the features this server does not run yet rather
 * than accepting and ignoring them.
 */
final class ProvisionedRequestReader {
    private static final int DEFAULT_VOLUME_GIB = 1000;
    static final String PUBLIC_ACCESS_DISABLED = "DISABLED";

    private ProvisionedRequestReader() {
    }

    /** @param prefix the wire path of {@code provisioned} ("provisioned." or "" for CreateCluster) */
    static ClusterSpec read(JsonNode provisioned, String prefix) {
        JsonNode group = provisioned.path("brokerNodeGroupInfo");
        refuseUnsupported(provisioned, prefix);
        int volume = group.path("storageInfo").path("ebsStorageInfo").path("volumeSize").asInt(DEFAULT_VOLUME_GIB);
        var security = security(provisioned, prefix);
        return new ClusterSpec(
                group.path("instanceType").asText(),
                strings(group.path("clientSubnets")),
                strings(group.path("securityGroups")),
                volume,
                provisioned.path("kafkaVersion").asText(),
                provisioned.path("numberOfBrokerNodes").asInt(),
                provisioned.path("storageMode").asText("LOCAL"),
                provisioned.path("enhancedMonitoring").asText("DEFAULT"),
                configurationInfo(provisioned.path("configurationInfo")),
                openMonitoring(provisioned.path("openMonitoring")).orElse(OpenMonitoring.OFF),
                provisioned.path("rebalancing").path("status").asText(ClusterSpec.REBALANCING_PAUSED),
                security,
                recorded(provisioned, prefix, security));
    }

    /**
     * The members kept as written though they have no effect here; each checked first, so that
     * what is kept is something MSK would take too.
     */
    private static RecordedSettings recorded(JsonNode provisioned, String prefix, ClusterSecurity security) {
        JsonNode group = provisioned.path("brokerNodeGroupInfo");
        JsonNode connectivity = group.path("connectivityInfo");
        String networkType = networkType(connectivity, prefix + "brokerNodeGroupInfo.connectivityInfo.networkType");
        JsonNode vpc = connectivity.path("vpcConnectivity");
        if (!vpc.isMissingNode()) {
            VpcConnectivityRule.check(vpc, prefix + "brokerNodeGroupInfo.connectivityInfo.vpcConnectivity", security);
        }
        var zoneIds = strings(group.path("zoneIds"));
        return new RecordedSettings(
                Wire.text(provisioned.path("encryptionInfo").path("encryptionAtRest"), "dataVolumeKMSKeyId"),
                json(provisioned.path("loggingInfo")),
                json(vpc),
                networkType,
                zoneIds,
                json(group.path("storageInfo").path("ebsStorageInfo").path("provisionedThroughput")));
    }

    /** IPV4, MSK's default; DUAL is refused, since the brokers listen on IPv4 addresses only. */
    static String networkType(JsonNode connectivity, String path) {
        String networkType = connectivity.path("networkType").asText(RecordedSettings.IPV4);
        if (!networkType.equals(RecordedSettings.IPV4)) {
            throw new InvalidRequest(path, "networkType " + networkType + " is not supported: the brokers listen on "
                    + "IPv4 addresses only; use IPV4");
        }
        return networkType;
    }

    /** A member kept as the request's own JSON, when the request has it. */
    static Optional<String> json(JsonNode member) {
        return member.isMissingNode() || member.isNull() ? Optional.empty() : Optional.of(member.toString());
    }

    /**
     * EncryptionInfo and ClientAuthentication, with MSK's defaults: TLS only between clients and
     * brokers and TLS inside the cluster when encryptionInfo says nothing, and unauthenticated
     * access when clientAuthentication is absent.
     */
    static ClusterSecurity security(JsonNode provisioned, String prefix) {
        JsonNode transit = provisioned.path("encryptionInfo").path("encryptionInTransit");
        JsonNode auth = provisioned.path("clientAuthentication");
        JsonNode tls = auth.path("tls");
        var caArns = strings(tls.path("certificateAuthorityArnList"));
        var security = new ClusterSecurity(
                transit.path("clientBroker").asText(ClusterSecurity.TLS),
                transit.path("inCluster").asBoolean(true),
                auth.isMissingNode() || auth.path("unauthenticated").path("enabled").asBoolean(false),
                auth.path("sasl").path("scram").path("enabled").asBoolean(false),
                tls.path("enabled").asBoolean(!caArns.isEmpty()),
                caArns);
        security.validate(prefix);
        return security;
    }

    /** OpenMonitoringInfo: each exporter on when its enabledInBroker says so; empty when not given. */
    static Optional<OpenMonitoring> openMonitoring(JsonNode info) {
        if (info.isMissingNode() || info.isNull()) {
            return Optional.empty();
        }
        JsonNode prometheus = info.path("prometheus");
        return Optional.of(new OpenMonitoring(
                prometheus.path("jmxExporter").path("enabledInBroker").asBoolean(false),
                prometheus.path("nodeExporter").path("enabledInBroker").asBoolean(false)));
    }

    /** IAM access control, at creation or in UpdateSecurity. */
    static void refuseIam(JsonNode clientAuthentication, String prefix) {
        if (clientAuthentication.path("sasl").path("iam").path("enabled").asBoolean(false)) {
            throw new InvalidRequest(prefix + "clientAuthentication.sasl.iam", "IAM access control needs AWS's "
                    + "identity service, which Streamplane does not have; use SASL/SCRAM, TLS or Kafka ACLs");
        }
    }

    private static void refuseUnsupported(JsonNode provisioned, String prefix) {
        refuseIam(provisioned.path("clientAuthentication"), prefix);
        refuseLogDelivery(provisioned.path("loggingInfo"), prefix);
        ProvisionedThroughputRule.refuse(provisioned.path("brokerNodeGroupInfo").path("storageInfo")
                .path("ebsStorageInfo").path("provisionedThroughput"),
                prefix + "brokerNodeGroupInfo.storageInfo.ebsStorageInfo.provisionedThroughput");
        String publicAccess = provisioned.path("brokerNodeGroupInfo").path("connectivityInfo").path("publicAccess")
                .path("type").asText(PUBLIC_ACCESS_DISABLED);
        if (publicAccess.equals("SERVICE_PROVIDED_EIPS")) {
            throw new InvalidRequest(prefix + "brokerNodeGroupInfo.connectivityInfo.publicAccess",
                    "Public access can't be turned on at cluster creation");
        }
        if (!publicAccess.equals(PUBLIC_ACCESS_DISABLED)) {
            throw new InvalidRequest(prefix + "brokerNodeGroupInfo.connectivityInfo.publicAccess.type",
                    "publicAccess.type must be DISABLED or SERVICE_PROVIDED_EIPS, got '" + publicAccess + "'");
        }
        if (!provisioned.path("brokerNodeGroupInfo").path("brokerAZDistribution").asText("DEFAULT").equals("DEFAULT")) {
            throw new InvalidRequest(prefix + "brokerNodeGroupInfo.brokerAZDistribution",
                    "brokerAZDistribution must be DEFAULT: brokers are spread evenly over the subnets' zones");
        }
    }

    /**
     * Broker and authorizer logs stay under the server's data directory (the authorizer logs to the
     * broker's log); there is no CloudWatch, Firehose or S3 to send them to.
     */
    static void refuseLogDelivery(JsonNode loggingInfo, String prefix) {
        for (String kind : List.of("brokerLogs", "authorizerLogs")) {
            JsonNode logs = loggingInfo.path(kind);
            for (String sink : List.of("cloudWatchLogs", "firehose", "s3")) {
                if (logs.path(sink).path("enabled").asBoolean(false)) {
                    throw new InvalidRequest(prefix + "loggingInfo." + kind + "." + sink, "Delivering " + kind
                            + " to " + sink + " is not supported; they are written under the server's data directory");
                }
            }
        }
    }

    /** The validator has checked that arn and revision are both there when configurationInfo is. */
    static Optional<ConfigurationRef> configurationInfo(JsonNode info) {
        return info.isMissingNode() ? Optional.empty()
                : Optional.of(new ConfigurationRef(info.path("arn").asText(), info.path("revision").asLong()));
    }

    private static List<String> strings(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}

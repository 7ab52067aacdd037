package io.streamplane.core.cluster;

import java.util.List;
import java.util.Optional;

/**
 * What a cluster keeps exactly as it was asked for although it has no effect here, so that it reads
 * back as written: infrastructure-as-code tools plan a change for every attribute that reads back
 * otherwise. What each one would do on MSK, and why it does nothing here, is in
 * docs/round-trip.md. JSON members are kept as the request's own JSON text.
 *
 * @param dataVolumeKmsKeyId    encryption at rest's KMS key; empty for MSK's AWS-managed key. There is
 *                              no KMS: volumes are this machine's disk
 * @param loggingInfo           loggingInfo, every sink off (one that is on is refused)
 * @param vpcConnectivity       connectivityInfo.vpcConnectivity: there are no other VPCs to reach the brokers from
 * @param networkType           IPV4 (DUAL is refused: the brokers listen on IPv4 addresses only)
 * @param zoneIds               brokerNodeGroupInfo.zoneIds, which must be the zones the subnets map to
 * @param provisionedThroughput storageInfo.ebsStorageInfo.provisionedThroughput, off (on is refused)
 */
public record RecordedSettings(Optional<String> dataVolumeKmsKeyId, Optional<String> loggingInfo,
                               Optional<String> vpcConnectivity, String networkType, List<String> zoneIds,
                               Optional<String> provisionedThroughput) {
    public static final String IPV4 = "IPV4";
    /** A cluster that asked for none of them, or one made before they were kept. */
    public static final RecordedSettings NONE = new RecordedSettings(Optional.empty(), Optional.empty(),
            Optional.empty(), IPV4, List.of(), Optional.empty());

    public RecordedSettings {
        networkType = networkType == null ? IPV4 : networkType;
        zoneIds = zoneIds == null ? List.of() : List.copyOf(zoneIds);
    }

    public RecordedSettings withLoggingInfo(Optional<String> newLoggingInfo) {
        return new RecordedSettings(dataVolumeKmsKeyId, newLoggingInfo, vpcConnectivity, networkType, zoneIds,
                provisionedThroughput);
    }

    public RecordedSettings withConnectivity(Optional<String> newVpcConnectivity, String newNetworkType) {
        return new RecordedSettings(dataVolumeKmsKeyId, loggingInfo, newVpcConnectivity, newNetworkType, zoneIds,
                provisionedThroughput);
    }

    public RecordedSettings withProvisionedThroughput(Optional<String> throughput) {
        return new RecordedSettings(dataVolumeKmsKeyId, loggingInfo, vpcConnectivity, networkType, zoneIds, throughput);
    }
}

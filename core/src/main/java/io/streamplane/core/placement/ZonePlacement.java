package io.streamplane.core.placement;

import io.streamplane.core.cluster.AvailabilityZone;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.node.NodeRole;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Decides where a cluster's nodes go: brokers spread evenly over the zones of the client subnets,
 * as MSK does, and the hidden metadata quorum: three KRaft controllers, or the three servers of a
 * ZooKeeper ensemble, one per zone where there are three zones.
 * Pure: no I/O, so every rule here is unit tested.
 */
public final class ZonePlacement {
    /** Node ids of the quorum's nodes start here, far above any broker id users see. */
    public static final int FIRST_CONTROLLER_ID = 3001;
    public static final int CONTROLLER_COUNT = 3;
    private static final String ZONE_LETTERS = "abcdef";

    private ZonePlacement() {
    }

    /** The zones named by the client subnets, in the order given: subnet i lies in zone i. */
    public static List<AvailabilityZone> zonesFor(String region, List<String> clientSubnets) {
        if (clientSubnets.size() < 2 || clientSubnets.size() > 3) {
            throw new InvalidRequest("clientSubnets",
                    "clientSubnets must name 2 or 3 subnets (one per Availability Zone), got "
                            + clientSubnets.size());
        }
        if (new HashSet<>(clientSubnets).size() != clientSubnets.size()) {
            throw new InvalidRequest("clientSubnets",
                    "clientSubnets must be in different Availability Zones; the same subnet is listed twice");
        }
        var zones = new ArrayList<AvailabilityZone>();
        for (int i = 0; i < clientSubnets.size(); i++) {
            zones.add(new AvailabilityZone(region + ZONE_LETTERS.charAt(i), zoneIdPrefix(region) + "-az" + (i + 1),
                    clientSubnets.get(i)));
        }
        return List.copyOf(zones);
    }

    /**
     * Brokers 1..n round-robin over the zones, then the quorum likewise.
     *
     * @param quorumRole what the quorum's nodes are: KRaft controllers or ZooKeeper servers
     */
    public static List<PlannedNode> place(List<AvailabilityZone> zones, int brokerCount, NodeRole quorumRole) {
        if (brokerCount < 1 || brokerCount % zones.size() != 0) {
            throw new InvalidRequest("numberOfBrokerNodes",
                    "numberOfBrokerNodes must be a multiple of " + zones.size()
                            + " (the number of client subnets), got " + brokerCount);
        }
        var nodes = new ArrayList<PlannedNode>();
        for (int brokerId = 1; brokerId <= brokerCount; brokerId++) {
            nodes.add(new PlannedNode(brokerId, NodeRole.BROKER, zones.get((brokerId - 1) % zones.size())));
        }
        for (int i = 0; i < CONTROLLER_COUNT; i++) {
            nodes.add(new PlannedNode(FIRST_CONTROLLER_ID + i, quorumRole, zones.get(i % zones.size())));
        }
        return List.copyOf(nodes);
    }

    /** AWS zone ids abbreviate the region: us-east-1 becomes use1, eu-west-2 becomes euw2. */
    static String zoneIdPrefix(String region) {
        String[] parts = region.split("-");
        if (parts.length < 3) {
            return region;
        }
        var sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length - 1; i++) {
            sb.append(parts[i].charAt(0));
        }
        return sb.append(parts[parts.length - 1]).toString();
    }
}

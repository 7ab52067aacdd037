package io.streamplane.core.cluster;

import io.streamplane.core.node.NodeProcess;
import io.streamplane.core.node.NodeRole;
import io.streamplane.core.security.BrokerPorts;

import java.time.Instant;
import java.util.Optional;

/** One Kafka node (broker or controller) of a cluster, where it runs and its process if started. */
public record ClusterNode(
        String clusterArn,
        int nodeId,
        NodeRole role,
        AvailabilityZone zone,
        String host,
        int port,
        Instant addedTime,
        Optional<NodeProcess> process) {

    public ClusterNode withProcess(Optional<NodeProcess> newProcess) {
        return new ClusterNode(clusterArn, nodeId, role, zone, host, port, addedTime, newProcess);
    }

    public String endpoint() {
        return host + ":" + port;
    }

    /** Where other brokers and the control plane reach this broker: its internal, authenticated listener. */
    public String replicationEndpoint() {
        return host + ":" + BrokerPorts.REPLICATION;
    }

    public boolean isBroker() {
        return role == NodeRole.BROKER;
    }
}

package io.streamplane.core.cluster;

import io.streamplane.core.node.NodeRole;
import io.streamplane.core.security.ClusterSecurity;
import io.streamplane.core.security.InternalCredentials;
import io.streamplane.core.security.NodeListeners;
import io.streamplane.core.security.NodeTls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configuration of each node: KRaft or ZooKeeper wiring, listeners, rack, and MSK's default broker
 * configuration ("The default Amazon MSK configuration"); a ZooKeeper server's own. Pure: the runtime
 * only writes it out.
 */
public final class NodeConfiguration {
    private NodeConfiguration() {
    }

    /**
     * @param custom   the properties of the cluster's custom configuration, which override MSK's
     *                 defaults (they can never touch listeners or metadata wiring: those are not settable)
     * @param security the cluster's encryption and client authentication
     * @param internal the identity nodes and the control plane use among themselves
     * @param tls      the node's certificate, when its listeners need one
     * @param wiring   how the nodes reach the metadata, at this stage of the cluster's life
     */
    public static Map<String, String> forNode(ClusterNode node, List<ClusterNode> clusterNodes, int zoneCount,
                                              Map<String, String> custom, ClusterSecurity security,
                                              InternalCredentials internal, Optional<NodeTls> tls,
                                              MetadataWiring wiring) {
        if (node.role() == NodeRole.ZOOKEEPER) {
            return ZooKeeperConfiguration.forServer(node, clusterNodes, tls);
        }
        var props = new LinkedHashMap<String, String>();
        if (node.isBroker() && wiring.brokersOnZooKeeper()) {
            props.put("broker.id", Integer.toString(node.nodeId()));
            props.putAll(zookeeperClient(clusterNodes, security, tls));
            props.putAll(NodeListeners.forBroker(node.host(), NodeRole.ZOOKEEPER, security, internal, tls));
            if (wiring == MetadataWiring.MIGRATING) {
                // Registered with the controllers too, which take the metadata over from ZooKeeper.
                props.put("zookeeper.metadata.migration.enable", "true");
                props.put("controller.quorum.voters", quorumVoters(clusterNodes));
                props.putAll(NodeListeners.controllerClient(props.get(NodeListeners.PROTOCOL_MAP), security, internal));
            }
            props.put("broker.rack", node.zone().id());
        } else if (node.isBroker()) {
            props.put("node.id", Integer.toString(node.nodeId()));
            props.put("controller.quorum.voters", quorumVoters(clusterNodes));
            props.put("process.roles", "broker");
            // Heartbeats carry the broker's request to be unfenced: at the default 2 s a new
            // broker waits up to 2 s more than it must before it serves.
            props.put("broker.heartbeat.interval.ms", "500");
            props.putAll(NodeListeners.forBroker(node.host(), NodeRole.CONTROLLER, security, internal, tls));
            props.put("broker.rack", node.zone().id());
        } else {
            props.put("node.id", Integer.toString(node.nodeId()));
            props.put("controller.quorum.voters", quorumVoters(clusterNodes));
            props.put("process.roles", "controller");
            props.putAll(NodeListeners.forController(node.endpoint(), security, internal, tls));
            // The controllers fence a broker that misses heartbeats this long, and only then move its
            // leaderships away: Kafka's 9 s would leave producers waiting most of that after a crash.
            props.put("broker.session.timeout.ms", "6000");
            if (wiring.controllersMigrating()) {
                // Copies ZooKeeper's metadata, writes every change back there, and talks to the
                // brokers still on ZooKeeper as their controller, over their replication listener.
                props.put("zookeeper.metadata.migration.enable", "true");
                props.putAll(zookeeperClient(clusterNodes, security, tls));
                props.putAll(NodeListeners.replicationClient(props.get(NodeListeners.PROTOCOL_MAP), security,
                        internal));
            }
        }
        // In KRaft the controllers apply topic defaults (replication factor, partitions, min ISR) when
        // topics are created, so they need MSK's defaults as much as the brokers do.
        long brokers = clusterNodes.stream().filter(ClusterNode::isBroker).count();
        props.putAll(mskBrokerDefaults(zoneCount, (int) brokers));
        props.putAll(custom);
        return props;
    }

    /** How a node reaches the ZooKeeper ensemble, and how long it keeps trying. */
    private static Map<String, String> zookeeperClient(List<ClusterNode> clusterNodes, ClusterSecurity security,
                                                       Optional<NodeTls> tls) {
        var props = new LinkedHashMap<>(ZooKeeperConfiguration.forBroker(clusterNodes, tls, security.inCluster()));
        // ZooKeeper ends a crashed broker's session after this long, and only then does the
        // controller move its leaderships away: Kafka's 18 s would leave producers waiting.
        props.put("zookeeper.session.timeout.ms", "6000");
        // A broker gives up starting when it cannot connect for this long; by default it is the
        // session timeout, which leaves too little for an ensemble that is being restarted.
        props.put("zookeeper.connection.timeout.ms", "30000");
        return props;
    }

    /**
     * MSK's defaults for a cluster created without a custom configuration. Replication factors of
     * internal topics are capped by the broker count so that small clusters still work.
     */
    public static Map<String, String> mskBrokerDefaults(int zoneCount, int brokerCount) {
        int replication = Math.min(zoneCount == 2 ? 2 : 3, brokerCount);
        int minIsr = zoneCount == 2 ? 1 : 2;
        var props = new LinkedHashMap<String, String>();
        props.put("allow.everyone.if.no.acl.found", "true");
        props.put("auto.create.topics.enable", "false");
        props.put("auto.leader.rebalance.enable", "true");
        props.put("default.replication.factor", Integer.toString(replication));
        props.put("min.insync.replicas", Integer.toString(Math.min(minIsr, replication)));
        props.put("num.io.threads", "8");
        props.put("num.network.threads", "5");
        props.put("num.partitions", "1");
        props.put("num.replica.fetchers", "2");
        props.put("replica.lag.time.max.ms", "30000");
        props.put("socket.receive.buffer.bytes", "102400");
        props.put("socket.request.max.bytes", "104857600");
        props.put("socket.send.buffer.bytes", "102400");
        props.put("unclean.leader.election.enable", "true");
        props.put("message.max.bytes", "1048588");
        props.put("offsets.topic.replication.factor", Integer.toString(Math.min(3, brokerCount)));
        props.put("transaction.state.log.replication.factor", Integer.toString(Math.min(3, brokerCount)));
        props.put("transaction.state.log.min.isr", Integer.toString(Math.min(2, brokerCount)));
        props.put("replica.selector.class", "org.apache.kafka.common.replica.RackAwareReplicaSelector");
        return props;
    }

    static String quorumVoters(List<ClusterNode> clusterNodes) {
        return clusterNodes.stream()
                .filter(n -> n.role() == NodeRole.CONTROLLER)
                .map(n -> n.nodeId() + "@" + n.endpoint())
                .collect(Collectors.joining(","));
    }
}

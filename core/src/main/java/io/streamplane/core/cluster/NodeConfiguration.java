package io.streamplane.core.cluster;

import io.streamplane.core.security.InternalCredentials;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Kafka configuration of each node: KRaft wiring, listeners, rack, and MSK's default broker
 * configuration ("The default Amazon MSK configuration"). Pure: the runtime only writes it out.
 */
public final class NodeConfiguration {
    public static final String CONTROLLER_LISTENER = "CONTROLLER";
    public static final String CLIENT_LISTENER = "CLIENT";
    public static final String REPLICATION_LISTENER = "REPLICATION";
    static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

    private NodeConfiguration() {
    }

    /**
     * @param custom   the properties of the cluster's custom configuration, which override MSK's
     *                 defaults (they can never touch listeners or KRaft wiring: those are not settable)
     * @param internal the identity nodes and the control plane use among themselves
     */
    public static Map<String, String> forNode(ClusterNode node, List<ClusterNode> clusterNodes, int zoneCount,
                                              Map<String, String> custom, InternalCredentials internal) {
        var props = new LinkedHashMap<String, String>();
        props.put("node.id", Integer.toString(node.nodeId()));
        props.put("controller.quorum.voters", quorumVoters(clusterNodes));
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        // Every node authorizes with Kafka's ACLs; only the internal identity bypasses them, so
        // replication, the quorum and the control plane work whatever ACLs users write.
        props.put("authorizer.class.name", AUTHORIZER);
        props.put("super.users", internal.principal());
        props.put("sasl.mechanism.controller.protocol", InternalCredentials.MECHANISM);
        // Brokers present these credentials to the controllers; controllers both accept and present them.
        props.put(listenerProperty(CONTROLLER_LISTENER, "plain.sasl.jaas.config"), internal.listenerJaasConfig());
        if (node.isBroker()) {
            String listeners = CLIENT_LISTENER + "://" + node.endpoint() + ","
                    + REPLICATION_LISTENER + "://" + node.replicationEndpoint();
            props.put("process.roles", "broker");
            props.put("listeners", listeners);
            props.put("advertised.listeners", listeners);
            props.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT,"
                    + REPLICATION_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
            props.put("inter.broker.listener.name", REPLICATION_LISTENER);
            props.put("sasl.mechanism.inter.broker.protocol", InternalCredentials.MECHANISM);
            props.put(listenerProperty(REPLICATION_LISTENER, "sasl.enabled.mechanisms"), InternalCredentials.MECHANISM);
            props.put(listenerProperty(REPLICATION_LISTENER, "plain.sasl.jaas.config"), internal.listenerJaasConfig());
            props.put("broker.rack", node.zone().id());
            // Heartbeats carry the broker's request to be unfenced: at the default 2 s a new
            // broker waits up to 2 s more than it must before it serves.
            props.put("broker.heartbeat.interval.ms", "500");
        } else {
            props.put("process.roles", "controller");
            props.put("listeners", CONTROLLER_LISTENER + "://" + node.endpoint());
            props.put("listener.security.protocol.map", CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
            props.put(listenerProperty(CONTROLLER_LISTENER, "sasl.enabled.mechanisms"), InternalCredentials.MECHANISM);
        }
        if (!node.isBroker()) {
            // The controllers fence a broker that misses heartbeats this long, and only then move its
            // leaderships away: Kafka's 9 s would leave producers waiting most of that after a crash.
            props.put("broker.session.timeout.ms", "6000");
        }
        // In KRaft the controllers apply topic defaults (replication factor, partitions, min ISR) when
        // topics are created, so they need MSK's defaults as much as the brokers do.
        long brokers = clusterNodes.stream().filter(ClusterNode::isBroker).count();
        props.putAll(mskBrokerDefaults(zoneCount, (int) brokers));
        props.putAll(custom);
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

    /** Kafka's per-listener form of a property: {@code listener.name.<listener, lower case>.<property>}. */
    static String listenerProperty(String listener, String property) {
        return "listener.name." + listener.toLowerCase(Locale.ROOT) + "." + property;
    }

    static String quorumVoters(List<ClusterNode> clusterNodes) {
        return clusterNodes.stream()
                .filter(n -> n.role() == NodeRole.CONTROLLER)
                .map(n -> n.nodeId() + "@" + n.endpoint())
                .collect(Collectors.joining(","));
    }
}

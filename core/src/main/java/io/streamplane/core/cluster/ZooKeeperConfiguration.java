package io.streamplane.core.cluster;

import io.streamplane.core.node.NodeLaunchSpec;
import io.streamplane.core.node.NodeRole;
import io.streamplane.core.security.ClusterSecurity;
import io.streamplane.core.security.NodeTls;
import io.streamplane.core.security.ZooKeeperPorts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configuration of a ZooKeeper server of a ZooKeeper cluster's hidden ensemble, and how brokers
 * reach the ensemble. A server's id in the ensemble is its node id. With encryption inside the
 * cluster, servers also listen for TLS on MSK's port 2182, and brokers connect there. Pure: the
 * runtime writes it out and adds the data directory.
 */
public final class ZooKeeperConfiguration {
    /** ZooKeeper reads its key and the CA it trusts from files only: a key store of PEM key and chain. */
    static final String KEY_STORE = "zookeeper-keystore.pem";
    static final String TRUST_STORE = "zookeeper-truststore.pem";

    private ZooKeeperConfiguration() {
    }

    /** @param tls the server's certificate, when the cluster encrypts traffic inside it */
    public static Map<String, String> forServer(ClusterNode server, List<ClusterNode> clusterNodes,
                                                Optional<NodeTls> tls) {
        var props = new LinkedHashMap<String, String>();
        props.put("clientPortAddress", server.host());
        props.put("clientPort", Integer.toString(ZooKeeperPorts.CLIENT));
        // ZooKeeper's defaults: sessions of 4 to 40 s, which the brokers' 6 s (up to MSK's 18 s) lie within.
        props.put("tickTime", "2000");
        props.put("initLimit", "10");
        props.put("syncLimit", "5");
        props.put("maxClientCnxns", "0");
        // No HTTP admin server (it would take port 8080 of every address), and only the read-only
        // four-letter words, with which the control plane asks a server whether it serves.
        props.put("admin.enableServer", "false");
        props.put("4lw.commands.whitelist", "srvr,ruok");
        props.put("autopurge.snapRetainCount", "3");
        props.put("autopurge.purgeInterval", "1");
        for (var node : ensemble(clusterNodes)) {
            props.put("server." + node.nodeId(),
                    node.host() + ":" + ZooKeeperPorts.QUORUM + ":" + ZooKeeperPorts.ELECTION);
        }
        tls.ifPresent(t -> {
            // Only Netty's connection factory speaks TLS; it serves the plaintext port as well.
            props.put("serverCnxnFactory", "org.apache.zookeeper.server.NettyServerCnxnFactory");
            props.put("secureClientPortAddress", server.host());
            props.put("secureClientPort", Integer.toString(ZooKeeperPorts.CLIENT_TLS));
            props.put("ssl.keyStore.location", NodeLaunchSpec.filePath(KEY_STORE));
            props.put("ssl.keyStore.type", "PEM");
            props.put("ssl.trustStore.location", NodeLaunchSpec.filePath(TRUST_STORE));
            props.put("ssl.trustStore.type", "PEM");
            // Clients prove the server's identity; the server asks for no client certificate, as MSK's
            // TLS port does not.
            props.put("ssl.clientAuth", "none");
        });
        return props;
    }

    /** How a broker (or a migrating controller) reaches the ensemble: over TLS, trusting the nodes' CA, when it can. */
    static Map<String, String> forBroker(List<ClusterNode> clusterNodes, Optional<NodeTls> tls, boolean encrypted) {
        var props = new LinkedHashMap<String, String>();
        if (encrypted && tls.isPresent()) {
            props.put("zookeeper.connect", connectString(clusterNodes, ZooKeeperPorts.CLIENT_TLS));
            props.put("zookeeper.ssl.client.enable", "true");
            props.put("zookeeper.clientCnxnSocket", "org.apache.zookeeper.ClientCnxnSocketNetty");
            props.put("zookeeper.ssl.truststore.location", NodeLaunchSpec.filePath(TRUST_STORE));
            props.put("zookeeper.ssl.truststore.type", "PEM");
        } else {
            props.put("zookeeper.connect", connectString(clusterNodes));
        }
        return props;
    }

    /**
     * The files a node of a ZooKeeper cluster reads for TLS to ZooKeeper (controllers too, which
     * reach it while they migrate the cluster to KRaft): none without a certificate.
     */
    public static Map<String, String> files(ClusterNode node, List<ClusterNode> clusterNodes, Optional<NodeTls> tls) {
        if (tls.isEmpty() || ensemble(clusterNodes).isEmpty()) {
            return Map.of();
        }
        var t = tls.get();
        return node.role() == NodeRole.ZOOKEEPER
                ? Map.of(KEY_STORE, t.privateKeyPem() + t.certificateChainPem(), TRUST_STORE, t.caCertificatePem())
                : Map.of(TRUST_STORE, t.caCertificatePem());
    }

    /**
     * Where users reach the ensemble, as Describe names it; empty on a KRaft cluster. The TLS port is
     * there when encryption inside the cluster is on, as servers then get a certificate to serve it.
     */
    public static Optional<ZooKeeperConnect> connect(List<ClusterNode> clusterNodes, ClusterSecurity security) {
        if (ensemble(clusterNodes).isEmpty()) {
            return Optional.empty();
        }
        var tls = security.inCluster() ? Optional.of(connectString(clusterNodes, ZooKeeperPorts.CLIENT_TLS))
                : Optional.<String>empty();
        return Optional.of(new ZooKeeperConnect(connectString(clusterNodes), tls));
    }

    /** Where brokers and users reach the ensemble: MSK's {@code ZookeeperConnectString}. */
    public static String connectString(List<ClusterNode> clusterNodes) {
        return connectString(clusterNodes, ZooKeeperPorts.CLIENT);
    }

    public static String connectString(List<ClusterNode> clusterNodes, int port) {
        return ensemble(clusterNodes).stream().map(n -> n.host() + ":" + port).collect(Collectors.joining(","));
    }

    public static List<ClusterNode> ensemble(List<ClusterNode> clusterNodes) {
        return clusterNodes.stream().filter(n -> n.role() == NodeRole.ZOOKEEPER).toList();
    }
}

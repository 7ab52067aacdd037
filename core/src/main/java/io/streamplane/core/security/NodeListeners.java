package io.streamplane.core.security;

import io.streamplane.core.node.NodeRole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The listener properties of one node, from the cluster's security settings. Clients reach MSK's
 * ports (9092 plaintext, 9094 TLS, 9096 SASL/SCRAM); replication and the KRaft quorum run on
 * listeners of their own, authenticated as the internal super user and encrypted when
 * {@code inCluster} says so. Pure: the caller supplies any certificate.
 */
public final class NodeListeners {
    public static final String CONTROLLER = "CONTROLLER";
    public static final String CLIENT = "CLIENT";
    public static final String CLIENT_SECURE = "CLIENT_SECURE";
    public static final String CLIENT_SASL_SCRAM = "CLIENT_SASL_SCRAM";
    public static final String REPLICATION = "REPLICATION";
    public static final String PROTOCOL_MAP = "listener.security.protocol.map";
    static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";
    /** ZooKeeper clusters keep their ACLs in ZooKeeper, where this authorizer reads them. */
    static final String ZOOKEEPER_AUTHORIZER = "kafka.security.authorizer.AclAuthorizer";

    private NodeListeners() {
    }

    /**
     * @param host       the broker's own address
     * @param quorumRole what keeps the cluster's metadata: KRaft controllers, or ZooKeeper (no controller listener)
     * @param tls        the broker's certificate, present whenever {@link ClusterSecurity#brokersNeedCertificates()}
     */
    public static Map<String, String> forBroker(String host, NodeRole quorumRole, ClusterSecurity security,
                                                InternalCredentials internal, Optional<NodeTls> tls) {
        boolean kraft = quorumRole == NodeRole.CONTROLLER;
        var props = kraft ? common(security, internal, tls) : zookeeperBroker(internal, tls);
        var listeners = new ArrayList<String>();
        var protocols = new ArrayList<String>();
        if (security.plaintextListener()) {
            add(listeners, protocols, CLIENT, "PLAINTEXT", host, BrokerPorts.CLIENT_PLAINTEXT);
        }
        if (security.tlsListener()) {
            add(listeners, protocols, CLIENT_SECURE, "SSL", host, BrokerPorts.CLIENT_TLS);
            if (security.mutualTls()) {
                props.putAll(clientCertificates(security, tls.orElseThrow()));
            }
        }
        if (security.scramListener()) {
            add(listeners, protocols, CLIENT_SASL_SCRAM, "SASL_SSL", host, BrokerPorts.CLIENT_SASL_SCRAM);
            props.putAll(scramUsers());
        }
        add(listeners, protocols, REPLICATION, internalProtocol(security), host, BrokerPorts.REPLICATION);
        if (kraft) {
            protocols.add(CONTROLLER + ":" + internalProtocol(security));
        }
        props.put("listeners", String.join(",", listeners));
        props.put("advertised.listeners", String.join(",", listeners));
        props.put(PROTOCOL_MAP, String.join(",", protocols));
        props.put("inter.broker.listener.name", REPLICATION);
        props.put("sasl.mechanism.inter.broker.protocol", InternalCredentials.MECHANISM);
        props.put(listenerProperty(REPLICATION, "sasl.enabled.mechanisms"), InternalCredentials.MECHANISM);
        props.put(listenerProperty(REPLICATION, "plain.sasl.jaas.config"), internal.listenerJaasConfig());
        return props;
    }

    /**
     * What a broker of a ZooKeeper cluster being migrated adds to reach the KRaft controllers, as the
     * internal super user, on top of its own listeners' {@code protocolMap}.
     */
    public static Map<String, String> controllerClient(String protocolMap, ClusterSecurity security,
                                                       InternalCredentials internal) {
        var props = internalListener(CONTROLLER, protocolMap, security, internal);
        props.put("controller.listener.names", CONTROLLER);
        props.put("sasl.mechanism.controller.protocol", InternalCredentials.MECHANISM);
        return props;
    }

    /**
     * What a controller migrating a ZooKeeper cluster adds to reach the brokers still on ZooKeeper on
     * their replication listener, as the internal super user, on top of its own {@code protocolMap}.
     */
    public static Map<String, String> replicationClient(String protocolMap, ClusterSecurity security,
                                                        InternalCredentials internal) {
        var props = internalListener(REPLICATION, protocolMap, security, internal);
        props.put("inter.broker.listener.name", REPLICATION);
        props.put("sasl.mechanism.inter.broker.protocol", InternalCredentials.MECHANISM);
        props.put(listenerProperty(REPLICATION, "sasl.enabled.mechanisms"), InternalCredentials.MECHANISM);
        return props;
    }

    /** One more internal listener in {@code protocolMap}, with the internal identity's credentials for it. */
    private static Map<String, String> internalListener(String listener, String protocolMap, ClusterSecurity security,
                                                        InternalCredentials internal) {
        var props = new LinkedHashMap<String, String>();
        props.put(PROTOCOL_MAP, protocolMap + "," + listener + ":" + internalProtocol(security));
        props.put(listenerProperty(listener, "plain.sasl.jaas.config"), internal.listenerJaasConfig());
        return props;
    }

    /** @param endpoint the controller's host:port */
    public static Map<String, String> forController(String endpoint, ClusterSecurity security,
                                                    InternalCredentials internal, Optional<NodeTls> tls) {
        var props = common(security, internal, tls);
        props.put("listeners", CONTROLLER + "://" + endpoint);
        props.put(PROTOCOL_MAP, CONTROLLER + ":" + internalProtocol(security));
        props.put(listenerProperty(CONTROLLER, "sasl.enabled.mechanisms"), InternalCredentials.MECHANISM);
        return props;
    }

    private static Map<String, String> common(ClusterSecurity security, InternalCredentials internal,
                                              Optional<NodeTls> tls) {
        var props = new LinkedHashMap<String, String>();
        props.put("controller.listener.names", CONTROLLER);
        // Every node authorizes with Kafka's ACLs; only the internal identity bypasses them, so
        // replication, the quorum and the control plane work whatever ACLs users write.
        props.put("authorizer.class.name", AUTHORIZER);
        props.put("super.users", internal.principal());
        props.put("sasl.mechanism.controller.protocol", InternalCredentials.MECHANISM);
        // Brokers present these credentials to the controllers; controllers both accept and present them.
        props.put(listenerProperty(CONTROLLER, "plain.sasl.jaas.config"), internal.listenerJaasConfig());
        props.putAll(keyStores(tls));
        return props;
    }

    /** A broker of a ZooKeeper cluster: no controller listener (the controller is a broker), ACLs from ZooKeeper. */
    private static Map<String, String> zookeeperBroker(InternalCredentials internal, Optional<NodeTls> tls) {
        var props = new LinkedHashMap<String, String>();
        props.put("authorizer.class.name", ZOOKEEPER_AUTHORIZER);
        props.put("super.users", internal.principal());
        props.putAll(keyStores(tls));
        return props;
    }

    private static Map<String, String> keyStores(Optional<NodeTls> tls) {
        var props = new LinkedHashMap<String, String>();
        tls.ifPresent(t -> {
            // PEM inline (KIP-651): no key store files to write, protect or clean up.
            props.put("ssl.keystore.type", "PEM");
            props.put("ssl.keystore.key", t.privateKeyPem());
            props.put("ssl.keystore.certificate.chain", t.certificateChainPem());
            props.put("ssl.truststore.type", "PEM");
            props.put("ssl.truststore.certificates", t.caCertificatePem());
        });
        return props;
    }

    /** Clients of the TLS listener present certificates from the cluster's CAs; the subject is the principal. */
    private static Map<String, String> clientCertificates(ClusterSecurity security, NodeTls tls) {
        return Map.of(
                listenerProperty(CLIENT_SECURE, "ssl.client.auth"), security.unauthenticated() ? "requested" : "required",
                listenerProperty(CLIENT_SECURE, "ssl.truststore.type"), "PEM",
                listenerProperty(CLIENT_SECURE, "ssl.truststore.certificates"),
                String.join("", tls.clientCaCertificatePems()));
    }

    /** Users of the SCRAM listener are Kafka's own SCRAM credentials, kept in the cluster metadata. */
    private static Map<String, String> scramUsers() {
        return Map.of(
                listenerProperty(CLIENT_SASL_SCRAM, "sasl.enabled.mechanisms"), SCRAM_MECHANISM,
                listenerProperty(CLIENT_SASL_SCRAM, "scram-sha-512.sasl.jaas.config"),
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    }

    static String internalProtocol(ClusterSecurity security) {
        return security.inCluster() ? "SASL_SSL" : "SASL_PLAINTEXT";
    }

    private static void add(List<String> listeners, List<String> protocols, String name, String protocol,
                            String host, int port) {
        listeners.add(name + "://" + host + ":" + port);
        protocols.add(name + ":" + protocol);
    }

    /** Kafka's per-listener form of a property: {@code listener.name.<listener, lower case>.<property>}. */
    static String listenerProperty(String listener, String property) {
        return "listener.name." + listener.toLowerCase(Locale.ROOT) + "." + property;
    }
}

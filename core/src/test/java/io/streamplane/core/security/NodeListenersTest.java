package io.streamplane.core.security;

import io.streamplane.core.node.NodeRole;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NodeListenersTest {
    private static final InternalCredentials INTERNAL = new InternalCredentials(InternalCredentials.USERNAME, "pw");
    private static final NodeTls TLS = new NodeTls("KEY", "CHAIN", "CA", List.of());

    @Test
    void mskDefault_servesTlsOnlyToClients_andEncryptsReplicationAndTheQuorum() {
        var broker = NodeListeners.forBroker("127.1.1.1", NodeRole.CONTROLLER, ClusterSecurity.MSK_DEFAULT, INTERNAL, Optional.of(TLS));
        var controller = NodeListeners.forController("127.1.1.201:9093", ClusterSecurity.MSK_DEFAULT, INTERNAL,
                Optional.of(TLS));

        assertThat(broker).containsEntry("listeners", "CLIENT_SECURE://127.1.1.1:9094,REPLICATION://127.1.1.1:9093")
                .containsEntry("listener.security.protocol.map",
                        "CLIENT_SECURE:SSL,REPLICATION:SASL_SSL,CONTROLLER:SASL_SSL")
                .containsEntry("ssl.keystore.type", "PEM")
                .containsEntry("ssl.keystore.key", "KEY")
                .containsEntry("ssl.keystore.certificate.chain", "CHAIN")
                .containsEntry("ssl.truststore.certificates", "CA");
        assertThat(controller).containsEntry("listener.security.protocol.map", "CONTROLLER:SASL_SSL")
                .containsEntry("ssl.keystore.key", "KEY");
    }

    @Test
    void tlsPlaintext_servesBothClientPorts_andPlaintextOnly_servesPort9092Alone() {
        var both = new ClusterSecurity(ClusterSecurity.TLS_PLAINTEXT, false, true, false, false, List.of());

        assertThat(NodeListeners.forBroker("127.1.1.2", NodeRole.CONTROLLER, both, INTERNAL, Optional.of(TLS)))
                .containsEntry("listeners",
                        "CLIENT://127.1.1.2:9092,CLIENT_SECURE://127.1.1.2:9094,REPLICATION://127.1.1.2:9093")
                .containsEntry("listener.security.protocol.map",
                        "CLIENT:PLAINTEXT,CLIENT_SECURE:SSL,REPLICATION:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        assertThat(NodeListeners.forBroker("127.1.1.2", NodeRole.CONTROLLER, ClusterSecurity.PLAINTEXT_ONLY, INTERNAL, Optional.empty()))
                .containsEntry("listeners", "CLIENT://127.1.1.2:9092,REPLICATION://127.1.1.2:9093")
                .doesNotContainKey("ssl.keystore.key");
        assertThat(ClusterSecurity.PLAINTEXT_ONLY.brokersNeedCertificates()).isFalse();
        assertThat(both.brokersNeedCertificates()).isTrue();
    }

    @Test
    void scram_addsASaslSslListenerOnPort9096_withKafkasOwnScramUsers() {
        var scram = new ClusterSecurity(ClusterSecurity.TLS, true, false, true, false, List.of());

        assertThat(NodeListeners.forBroker("127.1.1.3", NodeRole.CONTROLLER, scram, INTERNAL, Optional.of(TLS)))
                .containsEntry("listeners", "CLIENT_SASL_SCRAM://127.1.1.3:9096,REPLICATION://127.1.1.3:9093")
                .containsEntry("listener.security.protocol.map",
                        "CLIENT_SASL_SCRAM:SASL_SSL,REPLICATION:SASL_SSL,CONTROLLER:SASL_SSL")
                .containsEntry("listener.name.client_sasl_scram.sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("listener.name.client_sasl_scram.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    }

    @Test
    void mutualTls_requiresClientCertificatesFromTheNamedCas_onTheTlsListenerOnly() {
        var mutual = new ClusterSecurity(ClusterSecurity.TLS, true, false, false, true, List.of("arn:ca-1"));
        var withCas = new NodeTls("KEY", "CHAIN", "CA", List.of("CLIENT-CA-1\n", "CLIENT-CA-2\n"));

        var props = NodeListeners.forBroker("127.1.1.1", NodeRole.CONTROLLER, mutual, INTERNAL, Optional.of(withCas));

        assertThat(props).containsEntry("listeners", "CLIENT_SECURE://127.1.1.1:9094,REPLICATION://127.1.1.1:9093")
                .containsEntry("listener.name.client_secure.ssl.client.auth", "required")
                .containsEntry("listener.name.client_secure.ssl.truststore.certificates", "CLIENT-CA-1\nCLIENT-CA-2\n")
                .containsEntry("ssl.truststore.certificates", "CA");
        var alsoUnauthenticated = new ClusterSecurity(ClusterSecurity.TLS, true, true, false, true, List.of("arn:ca-1"));
        assertThat(NodeListeners.forBroker("127.1.1.1", NodeRole.CONTROLLER, alsoUnauthenticated, INTERNAL, Optional.of(withCas)))
                .containsEntry("listener.name.client_secure.ssl.client.auth", "requested");
    }

    @Test
    void everyNode_authorizesWithAcls_andOnlyTheInternalIdentityIsASuperUser() {
        var broker = NodeListeners.forBroker("127.1.1.1", NodeRole.CONTROLLER, ClusterSecurity.PLAINTEXT_ONLY, INTERNAL, Optional.empty());
        var controller = NodeListeners.forController("127.1.1.201:9093", ClusterSecurity.PLAINTEXT_ONLY, INTERNAL,
                Optional.empty());

        for (var props : List.of(broker, controller)) {
            assertThat(props).containsEntry("authorizer.class.name", NodeListeners.AUTHORIZER)
                    .containsEntry("super.users", "User:streamplane-internal")
                    .containsEntry("listener.name.controller.plain.sasl.jaas.config", INTERNAL.listenerJaasConfig());
        }
        assertThat(broker).containsEntry("inter.broker.listener.name", "REPLICATION")
                .containsEntry("listener.name.replication.plain.sasl.jaas.config", INTERNAL.listenerJaasConfig());
        assertThat(INTERNAL.listenerJaasConfig()).contains("user_streamplane-internal=\"pw\"");
    }

    @Test
    void aZooKeeperClustersBroker_hasNoControllerListener_andReadsItsAclsFromZooKeeper() {
        var broker = NodeListeners.forBroker("127.1.1.1", NodeRole.ZOOKEEPER, ClusterSecurity.MSK_DEFAULT, INTERNAL,
                Optional.of(TLS));

        assertThat(broker).containsEntry("authorizer.class.name", "kafka.security.authorizer.AclAuthorizer")
                .containsEntry("super.users", "User:" + InternalCredentials.USERNAME)
                .containsEntry("inter.broker.listener.name", "REPLICATION")
                .doesNotContainKeys("controller.listener.names", "sasl.mechanism.controller.protocol",
                        "listener.name.controller.plain.sasl.jaas.config");
        assertThat(broker.get("listener.security.protocol.map")).doesNotContain("CONTROLLER");
    }
}

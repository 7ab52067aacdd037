package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.ClientBroker;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * UpdateSecurity on a running cluster: new listeners arrive by a rolling restart, and clients of
 * a method that stays on (here plaintext, under audited acks=all traffic) never notice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityUpdateIT extends LiveClusterIT {
    SecurityUpdateIT() {
        super("secured", Clusters.KAFKA_VERSION);
    }

    @Test
    @Order(1)
    void turningOnTlsAndScram_rollsTheBrokers_withoutDisturbingPlaintextClients() throws Exception {
        var operation = changeUnderTraffic(() -> kafka.updateSecurity(r -> r.clusterArn(clusterArn)
                .currentVersion(currentVersion())
                .encryptionInfo(e -> e.encryptionInTransit(t -> t.clientBroker(ClientBroker.TLS_PLAINTEXT)))
                .clientAuthentication(a -> a.sasl(s -> s.scram(c -> c.enabled(true)))
                        .unauthenticated(u -> u.enabled(true)))).clusterOperationArn());

        assertThat(operation.operationType()).isEqualTo("UPDATE_SECURITY");
        assertThat(operation.provisioned().operationSteps()).extracting(s -> s.stepName()).containsExactly(
                "WRITE_NODE_CONFIGURATION", "RESTART_BROKER_1", "RESTART_BROKER_2", "RESTART_BROKER_3");
        var brokers = kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn));
        assertThat(brokers.bootstrapBrokerString()).contains(":9092");
        assertThat(brokers.bootstrapBrokerStringTls()).contains(":9094");
        assertThat(brokers.bootstrapBrokerStringSaslScram()).contains(":9096");
        var info = kafka.describeClusterV2(r -> r.clusterArn(clusterArn)).clusterInfo().provisioned();
        assertThat(info.clientAuthentication().sasl().scram().enabled()).isTrue();
        assertThat(info.encryptionInfo().encryptionInTransit().clientBroker()).isEqualTo(ClientBroker.TLS_PLAINTEXT);
        assertThat(accepts(brokers.bootstrapBrokerStringTls())).isTrue();
    }

    @Test
    @Order(2)
    void changesMskRefuses_areBadRequests_andChangeNothing() {
        String version = currentVersion();

        assertThatThrownBy(() -> kafka.updateSecurity(r -> r.clusterArn(clusterArn).currentVersion(version)
                .encryptionInfo(e -> e.encryptionInTransit(t -> t.inCluster(true)))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.invalidParameter())
                        .isEqualTo("encryptionInfo.encryptionInTransit.inCluster"));
        assertThatThrownBy(() -> kafka.updateSecurity(r -> r.clusterArn(clusterArn).currentVersion(version)
                .encryptionInfo(e -> e.encryptionInTransit(t -> t.clientBroker(ClientBroker.PLAINTEXT)))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("SASL/SCRAM needs TLS");
        assertThatThrownBy(() -> kafka.updateSecurity(r -> r.clusterArn(clusterArn).currentVersion(version)
                .clientAuthentication(a -> a.sasl(s -> s.scram(c -> c.enabled(true)))
                        .unauthenticated(u -> u.enabled(true)))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("changes nothing");
        assertThat(currentVersion()).isEqualTo(version);
        assertThat(state()).isEqualTo(ClusterState.ACTIVE);
    }

    @Test
    @Order(3)
    void turningPlaintextOff_closesPort9092() {
        String operationArn = kafka.updateSecurity(r -> r.clusterArn(clusterArn).currentVersion(currentVersion())
                .encryptionInfo(e -> e.encryptionInTransit(t -> t.clientBroker(ClientBroker.TLS))))
                .clusterOperationArn();
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);

        assertThat(kafka.describeClusterOperationV2(r -> r.clusterOperationArn(operationArn)).clusterOperationInfo()
                .operationState()).isEqualTo("UPDATE_COMPLETE");
        var brokers = kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn));
        assertThat(brokers.bootstrapBrokerString()).isNull();
        assertThat(accepts(bootstrap)).as("the old plaintext bootstrap").isFalse();
        assertThat(accepts(brokers.bootstrapBrokerStringTls())).isTrue();
    }

    /** Whether the first broker of the bootstrap string accepts TCP connections on its port. */
    private static boolean accepts(String bootstrapServers) {
        String first = bootstrapServers.split(",")[0];
        int colon = first.lastIndexOf(':');
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))),
                    2000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

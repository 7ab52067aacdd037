package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.NodeProcesses;
import io.streamplane.testkit.StreamplaneFixture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A cluster that cannot start ends FAILED, says why, leaves no process behind, and can be deleted. */
class CreationFailureIT {

    @Test
    void aBrokerThatCannotStart_failsTheClusterWithTheReason() throws Exception {
        String nodeNetwork = StreamplaneFixture.freeNodeNetwork();
        try (var streamplane = StreamplaneFixture.start(nodeNetwork);
             var kafka = streamplane.kafkaClient();
             var squatter = new ServerSocket()) {
            // Something else already listens where broker 2 of the first cluster will.
            squatter.bind(new InetSocketAddress(InetAddress.getByName(nodeNetwork + ".1.2"), 9092));
            String arn = Clusters.createCluster(kafka, "doomed", 3, List.of("subnet-1", "subnet-2", "subnet-3"));
            try {
                Clusters.awaitState(kafka, arn, ClusterState.FAILED);

                var info = kafka.describeClusterV2(r -> r.clusterArn(arn)).clusterInfo();
                assertThat(info.stateInfo().code()).isEqualTo("CLUSTER_CREATION_FAILED");
                assertThat(info.stateInfo().message()).contains("Broker 2 exited while starting")
                        .contains("nodes/2/logs");
                var operation = kafka.listClusterOperations(r -> r.clusterArn(arn)).clusterOperationInfoList().get(0);
                assertThat(operation.operationState()).isEqualTo("UPDATE_FAILED");
                assertThat(operation.errorInfo().errorString()).contains("Broker 2");
                assertThat(operation.operationSteps().get(3).stepInfo().stepStatus()).isEqualTo("FAILED");
                // Recorded FAILED first, then its nodes stop.
                await("the failed cluster's nodes to stop").atMost(Duration.ofSeconds(60))
                        .until(() -> NodeProcesses.pidsOf(arn).isEmpty());
                assertThatThrownBy(() -> kafka.getBootstrapBrokers(r -> r.clusterArn(arn)))
                        .isInstanceOf(BadRequestException.class).hasMessageContaining("FAILED state");

                kafka.deleteCluster(r -> r.clusterArn(arn));
                Clusters.awaitGone(kafka, arn);
            } finally {
                NodeProcesses.killAll(arn);
            }
        }
    }
}

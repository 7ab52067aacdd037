package io.streamplane.testkit;

import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.ConnectorState;
import software.amazon.awssdk.services.kafkaconnect.model.DescribeConnectorResponse;
import software.amazon.awssdk.services.kafkaconnect.model.NotFoundException;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Waits on MSK Connect connectors through the AWS SDK. */
public final class Connectors {
    public static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private Connectors() {
    }

    /** Waits until the connector leaves CREATING or UPDATING, and returns what it became. */
    public static DescribeConnectorResponse awaitSettled(KafkaConnectClient connect, String connectorArn) {
        return await("connector " + connectorArn + " to settle").atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> connect.describeConnector(r -> r.connectorArn(connectorArn)),
                        c -> c.connectorState() != ConnectorState.CREATING
                                && c.connectorState() != ConnectorState.UPDATING);
    }

    public static void awaitGone(KafkaConnectClient connect, String connectorArn) {
        await("connector " + connectorArn + " to be deleted").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    try {
                        connect.describeConnector(r -> r.connectorArn(connectorArn));
                        return false;
                    } catch (NotFoundException e) {
                        return true;
                    }
                });
    }
}

package io.streamplane.testkit;

import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.Capacity;
import software.amazon.awssdk.services.kafkaconnect.model.ConnectorState;
import software.amazon.awssdk.services.kafkaconnect.model.CreateConnectorRequest;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginState;
import software.amazon.awssdk.services.kafkaconnect.model.DescribeConnectorResponse;
import software.amazon.awssdk.services.kafkaconnect.model.KafkaClusterClientAuthenticationType;
import software.amazon.awssdk.services.kafkaconnect.model.KafkaClusterEncryptionInTransitType;
import software.amazon.awssdk.services.kafkaconnect.model.NotFoundException;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/** MSK Connect through the AWS SDK: plugins made ready, connector requests, waits on connectors. */
public final class Connectors {
    public static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** The class of the built-in S3 sink, as connector configurations name it. */
    public static final String S3_SINK = "io.streamplane.connect.s3.S3SinkConnector";

    private Connectors() {
    }

    /** Creates a custom plugin from an object in {@code bucket} and waits until it is ACTIVE. */
    public static String activePlugin(KafkaConnectClient connect, String name, CustomPluginContentType type,
                                      String bucket, String key) {
        String arn = connect.createCustomPlugin(r -> r.name(name).contentType(type)
                .location(l -> l.s3Location(s -> s.bucketArn("arn:aws:s3:::" + bucket).fileKey(key))))
                .customPluginArn();
        var plugin = await("custom plugin " + name).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> connect.describeCustomPlugin(r -> r.customPluginArn(arn)),
                        p -> p.customPluginState() != CustomPluginState.CREATING);
        if (plugin.customPluginState() != CustomPluginState.ACTIVE) {
            throw new IllegalStateException("Custom plugin " + name + " is " + plugin.customPluginState() + ": "
                    + plugin.stateDescription());
        }
        return arn;
    }

    /**
     * CreateConnector for a connector of the plugin on a Streamplane cluster's plaintext bootstrap
     * string, with the rest as every test has it.
     */
    public static CreateConnectorRequest.Builder request(String name, String pluginArn, String bootstrap,
                                                         Map<String, String> configuration,
                                                         Consumer<Capacity.Builder> capacity) {
        return CreateConnectorRequest.builder().connectorName(name).capacity(capacity)
                .connectorConfiguration(configuration)
                .kafkaCluster(k -> k.apacheKafkaCluster(a -> a.bootstrapServers(bootstrap)
                        .vpc(v -> v.subnets("subnet-1", "subnet-2", "subnet-3"))))
                .kafkaClusterClientAuthentication(a -> a.authenticationType(KafkaClusterClientAuthenticationType.NONE))
                .kafkaClusterEncryptionInTransit(e -> e.encryptionType(KafkaClusterEncryptionInTransitType.PLAINTEXT))
                .kafkaConnectVersion("3.7.x")
                .plugins(p -> p.customPlugin(c -> c.customPluginArn(pluginArn).revision(1L)))
                .serviceExecutionRoleArn("arn:aws:iam::000000000000:role/connect");
    }

    /** The built-in S3 sink's configuration for writing the topics to a bucket of the server's own S3. */
    public static Map<String, String> s3Sink(URI endpoint, String bucket, String topics, int tasks) {
        var configuration = new HashMap<String, String>();
        configuration.put("connector.class", S3_SINK);
        configuration.put("tasks.max", Integer.toString(tasks));
        configuration.put("topics", topics);
        configuration.put("s3.bucket.name", bucket);
        configuration.put("s3.endpoint", endpoint.toString());
        configuration.put("aws.access.key.id", StreamplaneFixture.ACCESS_KEY_ID);
        configuration.put("aws.secret.access.key", StreamplaneFixture.SECRET_ACCESS_KEY);
        return configuration;
    }

    /** Waits until the connector leaves CREATING or UPDATING, and returns what it became. */
    public static DescribeConnectorResponse awaitSettled(KafkaConnectClient connect, String connectorArn) {
        return await("connector " + connectorArn + " to settle").atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> connect.describeConnector(r -> r.connectorArn(connectorArn)),
                        c -> c.connectorState() != ConnectorState.CREATING
                                && c.connectorState() != ConnectorState.UPDATING);
    }

    /** Waits until the connector RUNNING, or fails saying what it became instead. */
    public static DescribeConnectorResponse awaitRunning(KafkaConnectClient connect, String connectorArn) {
        var settled = awaitSettled(connect, connectorArn);
        if (settled.connectorState() != ConnectorState.RUNNING) {
            throw new IllegalStateException("Connector " + settled.connectorName() + " is " + settled.connectorState()
                    + ": " + settled.stateDescription());
        }
        return settled;
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

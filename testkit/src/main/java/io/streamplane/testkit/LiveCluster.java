package io.streamplane.testkit;

import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClusterState;

import java.util.List;

/**
 * A server in this JVM with one ACTIVE cluster of 3 brokers over 3 zones and one topic, for tests
 * that change or break a running cluster. Closing it kills whatever is left of the cluster's
 * nodes (a test that failed half-way may have left some) and stops the server.
 */
public final class LiveCluster implements AutoCloseable {
    private final StreamplaneFixture streamplane;
    private final KafkaClient kafka;
    private final String arn;
    private final String bootstrap;

    private LiveCluster(StreamplaneFixture streamplane, KafkaClient kafka, String arn, String bootstrap) {
        this.streamplane = streamplane;
        this.kafka = kafka;
        this.arn = arn;
        this.bootstrap = bootstrap;
    }

    public static LiveCluster start(String name, String kafkaVersion, String topic, int partitions) throws Exception {
        var streamplane = StreamplaneFixture.start();
        String arn = null;
        try {
            var kafka = streamplane.kafkaClient();
            arn = Clusters.createCluster(kafka, name, 3, List.of("subnet-1", "subnet-2", "subnet-3"), kafkaVersion);
            Clusters.awaitState(kafka, arn, ClusterState.ACTIVE);
            String bootstrap = Clusters.bootstrap(kafka, arn);
            Topics.create(bootstrap, topic, partitions);
            return new LiveCluster(streamplane, kafka, arn, bootstrap);
        } catch (Exception | AssertionError e) {
            if (arn != null) {
                NodeProcesses.killAll(arn);
            }
            streamplane.close();
            throw e;
        }
    }

    public StreamplaneFixture streamplane() {
        return streamplane;
    }

    public KafkaClient kafka() {
        return kafka;
    }

    public String arn() {
        return arn;
    }

    public String bootstrap() {
        return bootstrap;
    }

    @Override
    public void close() {
        NodeProcesses.killAll(arn);
        streamplane.close();
    }
}

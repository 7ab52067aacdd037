package io.streamplane.core.scaling;

import java.util.OptionalInt;

/**
 * What the control plane knows, without asking Kafka, of the replication factors of a cluster's
 * topics: enough to refuse a scale-in that fewer brokers could not hold while the request waits.
 */
@FunctionalInterface
public interface ReplicationFactors {

    /**
     * The highest replication factor of any of the cluster's topics as recently read, or empty when
     * that is not known (not read yet, or not readable lately): then only the operation can tell.
     */
    OptionalInt highestKnown(String clusterArn);

    /** Why {@code brokers} brokers cannot hold a cluster whose widest topic has {@code replicationFactor} replicas. */
    static String tooFewBrokers(int replicationFactor, int brokers) {
        return "A topic has a replication factor of " + replicationFactor + ", which " + brokers
                + " brokers cannot hold";
    }
}

package io.streamplane.core.scaling;

import java.util.OptionalInt;

/**
 * What the control plane knows, without asking Kafka, of which broker is the controller of a
 * ZooKeeper cluster: enough to plan a roll that restarts it last, as KRaft's active controller is.
 */
@FunctionalInterface
public interface ControllerBrokers {

    /**
     * The broker Kafka named as the cluster's controller at a recent reading, or empty when none is
     * known. On KRaft clusters Kafka names any broker, so the answer means something on ZooKeeper
     * clusters only.
     */
    OptionalInt lastKnown(String clusterArn);
}

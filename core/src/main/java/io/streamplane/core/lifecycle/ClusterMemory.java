package io.streamplane.core.lifecycle;

import io.streamplane.core.MemoryBudget;
import io.streamplane.core.cluster.BrokerInstanceType;
import io.streamplane.core.cluster.ClusterSpec;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.placement.ZonePlacement;

/** What a cluster's node JVMs take of the server's {@link MemoryBudget}. */
final class ClusterMemory {
    private ClusterMemory() {
    }

    /** The brokers and controllers of a cluster on the spec. */
    static long of(ClusterSpec spec) {
        return brokers(spec.instanceType(), spec.numberOfBrokerNodes())
                + ZonePlacement.CONTROLLER_COUNT * MemoryBudget.jvm(NodeFleet.CONTROLLER_HEAP_MEGABYTES);
    }

    /** {@code count} brokers of the instance type. */
    static long brokers(String instanceType, int count) {
        return count * MemoryBudget.jvm(BrokerInstanceType.of(instanceType).heapMegabytes());
    }
}

package io.streamplane.core.connect;

import io.streamplane.core.MemoryBudget;

import java.util.Optional;

/**
 * How much a connector runs on: {@code mcuCount} MCUs a worker, and either a fixed number of
 * workers or an autoscaling range. An MCU is MSK Connect's 1 vCPU and 4 GiB; here a worker gets
 * {@link #HEAP_MEGABYTES_PER_MCU} MiB of heap and sees one processor per MCU.
 */
public record ConnectorCapacity(int mcuCount, Optional<Integer> provisionedWorkerCount,
                                Optional<AutoScaling> autoScaling) {
    public static final int HEAP_MEGABYTES_PER_MCU = 256;
    /** Tasks MSK Connect runs per MCU when it sets {@code tasks.max} itself (autoscaled connectors). */
    public static final int TASKS_PER_MCU = 2;

    public static ConnectorCapacity provisioned(int mcuCount, int workerCount) {
        return new ConnectorCapacity(mcuCount, Optional.of(workerCount), Optional.empty());
    }

    public static ConnectorCapacity autoScaled(int mcuCount, AutoScaling autoScaling) {
        return new ConnectorCapacity(mcuCount, Optional.empty(), Optional.of(autoScaling));
    }

    /** The workers a connector starts with: the provisioned count, or the autoscaling minimum. */
    public int initialWorkerCount() {
        return provisionedWorkerCount.orElseGet(() -> autoScaling.orElseThrow().minWorkerCount());
    }

    public int heapMegabytes() {
        return mcuCount * HEAP_MEGABYTES_PER_MCU;
    }

    /** What the workers take of the server's memory at most: an autoscaled connector's maximum count. */
    public long memoryMegabytes() {
        int workers = provisionedWorkerCount.orElseGet(() -> autoScaling.orElseThrow().maxWorkerCount());
        return workers * MemoryBudget.jvm(heapMegabytes());
    }

    /** What memoryMegabytes is made of, for messages. */
    public String describeWorkers() {
        return provisionedWorkerCount.map(n -> n + " workers").orElseGet(() -> "up to "
                + autoScaling.orElseThrow().maxWorkerCount() + " workers") + " of " + mcuCount + " MCU";
    }
}

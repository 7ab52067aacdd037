package io.streamplane.core.connect;

import io.streamplane.core.error.InvalidRequest;

import java.util.Set;

/** MSK Connect's limits on capacity: 1, 2, 4 or 8 MCUs a worker, 1 to 10 workers. */
public final class CapacityRules {
    public static final Set<Integer> MCU_COUNTS = Set.of(1, 2, 4, 8);
    public static final int MAX_WORKERS = 10;

    private CapacityRules() {
    }

    /** @param field the request member the capacity came in, e.g. {@code capacity} */
    public static void check(ConnectorCapacity capacity, String field) {
        if (capacity.provisionedWorkerCount().isPresent() == capacity.autoScaling().isPresent()) {
            throw new InvalidRequest(field, field + " must have exactly one of autoScaling and provisionedCapacity");
        }
        String kind = capacity.autoScaling().isPresent() ? ".autoScaling" : ".provisionedCapacity";
        if (!MCU_COUNTS.contains(capacity.mcuCount())) {
            throw new InvalidRequest(field + kind + ".mcuCount", field + kind + ".mcuCount must be 1, 2, 4 or 8, got "
                    + capacity.mcuCount());
        }
        capacity.provisionedWorkerCount().ifPresent(workers -> workers(workers, field + kind + ".workerCount"));
        capacity.autoScaling().ifPresent(scaling -> {
            workers(scaling.minWorkerCount(), field + kind + ".minWorkerCount");
            workers(scaling.maxWorkerCount(), field + kind + ".maxWorkerCount");
            if (scaling.minWorkerCount() > scaling.maxWorkerCount()) {
                throw new InvalidRequest(field + kind + ".maxWorkerCount", field + kind + ".maxWorkerCount ("
                        + scaling.maxWorkerCount() + ") must be at least minWorkerCount (" + scaling.minWorkerCount()
                        + ")");
            }
            percentage(scaling.scaleInPercentage(), field + kind + ".scaleInPolicy.cpuUtilizationPercentage");
            percentage(scaling.scaleOutPercentage(), field + kind + ".scaleOutPolicy.cpuUtilizationPercentage");
            if (scaling.scaleInPercentage() >= scaling.scaleOutPercentage()) {
                throw new InvalidRequest(field + kind + ".scaleInPolicy", "The scale-in percentage ("
                        + scaling.scaleInPercentage() + ") must be below the scale-out percentage ("
                        + scaling.scaleOutPercentage() + ")");
            }
            scaling.maxAutoscalingTaskCount().filter(tasks -> tasks < scaling.maxWorkerCount()).ifPresent(tasks -> {
                throw new InvalidRequest(field + kind + ".maxAutoscalingTaskCount", field + kind
                        + ".maxAutoscalingTaskCount (" + tasks + ") must be at least maxWorkerCount ("
                        + scaling.maxWorkerCount() + ")");
            });
        });
    }

    private static void workers(int count, String field) {
        if (count < 1 || count > MAX_WORKERS) {
            throw new InvalidRequest(field, field + " must be between 1 and " + MAX_WORKERS + ", got " + count);
        }
    }

    private static void percentage(int value, String field) {
        if (value < 1 || value > 100) {
            throw new InvalidRequest(field, field + " must be between 1 and 100, got " + value);
        }
    }
}

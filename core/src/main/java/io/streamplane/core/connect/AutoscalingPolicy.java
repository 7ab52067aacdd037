package io.streamplane.core.connect;

import java.util.List;

/**
 * Decides an autoscaled connector's worker count from its workers' recent CPU use, as MSK
 * Connect does: one worker more when every recent sample is above the scale-out percentage,
 * one fewer when every one is below the scale-in percentage, always within the range. Pure.
 */
public final class AutoscalingPolicy {
    /** How many consecutive samples must agree before the count changes. */
    public static final int SAMPLES = 3;

    private AutoscalingPolicy() {
    }

    /**
     * @param utilization the workers' CPU use in percent of their MCUs, oldest first
     * @return the worker count to run
     */
    public static int targetWorkers(AutoScaling scaling, int workers, List<Double> utilization) {
        int bounded = Math.max(scaling.minWorkerCount(), Math.min(scaling.maxWorkerCount(), workers));
        if (bounded != workers || utilization.size() < SAMPLES) {
            return bounded;
        }
        var recent = utilization.subList(utilization.size() - SAMPLES, utilization.size());
        if (recent.stream().allMatch(u -> u > scaling.scaleOutPercentage()) && workers < scaling.maxWorkerCount()) {
            return workers + 1;
        }
        if (recent.stream().allMatch(u -> u < scaling.scaleInPercentage()) && workers > scaling.minWorkerCount()) {
            return workers - 1;
        }
        return workers;
    }
}

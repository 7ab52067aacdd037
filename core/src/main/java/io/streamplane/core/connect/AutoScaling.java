package io.streamplane.core.connect;

import java.util.Optional;

/**
 * Between {@code minWorkerCount} and {@code maxWorkerCount} workers: one more while the workers'
 * CPU use stays above {@code scaleOutPercentage}, one fewer while it stays below
 * {@code scaleInPercentage}.
 */
public record AutoScaling(int minWorkerCount, int maxWorkerCount, int scaleInPercentage, int scaleOutPercentage,
                          Optional<Integer> maxAutoscalingTaskCount) {
    /** MSK Connect's defaults where a request leaves the policies out. */
    public static final int DEFAULT_SCALE_IN_PERCENTAGE = 20;
    public static final int DEFAULT_SCALE_OUT_PERCENTAGE = 80;
}

package io.streamplane.core.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the CPU time of each autoscaled connector's workers, at most once an interval, and asks
 * {@link AutoscalingPolicy} whether the connector needs a worker more or less.
 */
final class ConnectorAutoscaler {
    private final ConnectWorkers workers;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Samples> samples = new ConcurrentHashMap<>();

    ConnectorAutoscaler(ConnectWorkers workers, Clock clock, Duration interval) {
        this.workers = workers;
        this.clock = clock;
        this.interval = interval;
    }

    /** The worker count the connector should change to, if it is autoscaled and should change now. */
    Optional<Integer> targetWorkers(Connector connector) {
        var scaling = connector.spec().capacity().autoScaling();
        if (scaling.isEmpty()) {
            return Optional.empty();
        }
        var connectorSamples = samples.computeIfAbsent(connector.arn(), a -> new Samples());
        var now = clock.instant();
        if (!connectorSamples.due(now, interval)) {
            return Optional.empty();
        }
        var used = connector.workers().stream().map(workers::cpuTime).flatMap(Optional::stream)
                .reduce(Duration.ZERO, Duration::plus);
        connectorSamples.add(now, used, connector.workers().size() * connector.spec().capacity().mcuCount());
        int target = AutoscalingPolicy.targetWorkers(scaling.get(), connector.workers().size(),
                connectorSamples.utilization());
        if (target == connector.workers().size()) {
            return Optional.empty();
        }
        // The samples were of the old worker count; the new one starts measuring afresh.
        samples.remove(connector.arn());
        return Optional.of(target);
    }

    void forget(String connectorArn) {
        samples.remove(connectorArn);
    }

    /** CPU time used by a connector's workers at each sample, turned into percentages of their MCUs. */
    private static final class Samples {
        private final List<Double> utilization = new ArrayList<>();
        private Instant lastAt;
        private Duration lastUsed;

        boolean due(Instant now, Duration interval) {
            return lastAt == null || !now.isBefore(lastAt.plus(interval));
        }

        void add(Instant now, Duration used, int mcus) {
            // A worker restarted since the last sample has used less CPU than before: no sample this time.
            if (lastAt != null && used.compareTo(lastUsed) >= 0 && mcus > 0) {
                double wall = Duration.between(lastAt, now).toMillis();
                utilization.add(100.0 * used.minus(lastUsed).toMillis() / (wall * mcus));
                if (utilization.size() > AutoscalingPolicy.SAMPLES) {
                    utilization.remove(0);
                }
            }
            lastAt = now;
            lastUsed = used;
        }

        List<Double> utilization() {
            return List.copyOf(utilization);
        }
    }
}

package io.streamplane.runtime.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A node's lifecycle log: the lines Kafka's server logs as it starts and stops, each behind the id
 * of the process that logged it (see {@link Log4jConfiguration}).
 */
final class LifecycleLog {
    private LifecycleLog() {
    }

    /**
     * Whether process {@code pid} logged that its start-up is over; empty when there is no lifecycle
     * log (a node configured before there was one).
     */
    static Optional<Boolean> started(Path logDirectory, long pid) {
        Path log = logDirectory.resolve(Log4jConfiguration.LIFECYCLE_LOG);
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        // Lines read "<pid> [KafkaRaftServer nodeId=N] Kafka Server started".
        String prefix = pid + " ";
        try (var lines = Files.lines(log)) {
            return Optional.of(lines.anyMatch(line -> line.startsWith(prefix)
                    && line.endsWith(Log4jConfiguration.STARTED)));
        } catch (IOException | UncheckedIOException e) {
            return Optional.of(false);
        }
    }
}

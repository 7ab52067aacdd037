package io.streamplane.runtime.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A node's lifecycle log: the lines Kafka's server logs as it starts and stops, each behind the id
 * of the process that logged it (see {@link Log4jConfiguration}).
 */
final class LifecycleLog {
    /**
     * What a node logs once its start-up is over, every listener bound: a KRaft node's "Kafka Server
     * started" (Kafka's system tests wait for it), a ZooKeeper-mode broker's "[KafkaServer id=N]
     * started", a ZooKeeper server's "binding to port /HOST:PORT".
     */
    private static final List<Pattern> STARTED = List.of(Pattern.compile(".*Kafka Server started"),
            Pattern.compile("\\[KafkaServer id=\\d+\\] started"), Pattern.compile("binding to port .*"));

    private LifecycleLog() {
    }

    /**
     * Whether process {@code pid} logged that its start-up is over; empty when there is no lifecycle
     * log (a node configured before there was one).
     */
    static Optional<Boolean> started(Path logDirectory, long pid) {
        // Lines read "<pid> [KafkaRaftServer nodeId=N] Kafka Server started".
        String prefix = pid + " ";
        return anyLine(logDirectory, line -> line.startsWith(prefix) && saysStarted(line.substring(prefix.length())));
    }

    /** What the active KRaft controller logs once it has copied a ZooKeeper cluster's metadata. */
    private static final String MIGRATED = "Completed migration of metadata from ZooKeeper to KRaft";

    /** Whether any process of the node logged the end of a migration of its cluster's metadata. */
    static boolean migratedMetadata(Path logDirectory) {
        return anyLine(logDirectory, line -> line.contains(MIGRATED)).orElse(false);
    }

    /** Whether a line of the lifecycle log matches; empty when there is no such log, false when it cannot be read. */
    private static Optional<Boolean> anyLine(Path logDirectory, Predicate<String> matches) {
        Path log = logDirectory.resolve(Log4jConfiguration.LIFECYCLE_LOG);
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(log)) {
            return Optional.of(lines.anyMatch(matches));
        } catch (IOException | UncheckedIOException e) {
            return Optional.of(false);
        }
    }

    static boolean saysStarted(String message) {
        return STARTED.stream().anyMatch(p -> p.matcher(message).matches());
    }
}

package io.streamplane.core.connect;

import java.time.Instant;

/**
 * One Kafka Connect worker of a connector: its process (pid and start time, so a reused pid is
 * never taken for it) and the port of its REST API on the loopback address.
 */
public record ConnectWorker(int index, long pid, Instant startedAt, int restPort) {
}

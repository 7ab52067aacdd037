package io.streamplane.core.connect;

import java.time.Instant;

/**
 * One Kafka Connect worker of a connector: its process (pid and start time, so a reused pid is
 * never taken for it), the port of its REST API on the loopback address, and the connector it
 * serves, whose own credentials that API asks for (null in workers recorded before it did).
 */
public record ConnectWorker(int index, long pid, Instant startedAt, int restPort, String connectorUuid) {
}

package io.streamplane.core.node;

import java.time.Instant;

/** A running node's process, identified by pid and start time so a reused pid is never adopted. */
public record NodeProcess(long pid, Instant startedAt) {
}

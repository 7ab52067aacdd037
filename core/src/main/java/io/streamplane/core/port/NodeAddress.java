package io.streamplane.core.port;

/** Where a node listens. */
public record NodeAddress(String host, int port) {
}

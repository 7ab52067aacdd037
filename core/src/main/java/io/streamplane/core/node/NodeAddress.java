package io.streamplane.core.node;

/** Where a node listens. */
public record NodeAddress(String host, int port) {
}

package io.streamplane.core.cluster;

/** The connection strings of a cluster's enabled listeners. */
public record BootstrapBrokers(String plaintext) {
}

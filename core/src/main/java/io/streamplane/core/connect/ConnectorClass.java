package io.streamplane.core.connect;

/** A connector a plugin offers: its class, whether it is a source or a sink, and its version. */
public record ConnectorClass(String className, String type, String version) {
}

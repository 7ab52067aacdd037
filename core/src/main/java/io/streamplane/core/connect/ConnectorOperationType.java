package io.streamplane.core.connect;

/** The kinds of connector operation, reported as {@code connectorOperationType}. */
public enum ConnectorOperationType {
    /** A new capacity, or an autoscaled connector's new number of workers. */
    UPDATE_WORKER_SETTING,
    /** A new connector configuration. */
    UPDATE_CONNECTOR_CONFIGURATION
}

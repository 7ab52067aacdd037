package io.streamplane.core.connect;

/** The kinds of connector operation, reported as {@code connectorOperationType}. */
public enum ConnectorOperationType {
    /** A new capacity, or an autoscaled connector's new number of workers. */
    UPDATE_WORKER_SETTING("UPDATE", ConnectorState.UPDATING),
    /** A new connector configuration. */
    UPDATE_CONNECTOR_CONFIGURATION("UPDATE", ConnectorState.UPDATING),
    /** The connector and its tasks paused: no records move, the workers stay. */
    PAUSE_CONNECTOR("PAUSE", ConnectorState.PAUSING),
    /** A paused connector running again from where it stopped. */
    RESUME_CONNECTOR("RESUME", ConnectorState.RESUMING),
    /** The connector and its tasks, or only its failed tasks, started afresh. */
    RESTART_CONNECTOR("RESTART", ConnectorState.RESTARTING);

    private final String verb;
    private final ConnectorState connectorState;

    ConnectorOperationType(String verb, ConnectorState connectorState) {
        this.verb = verb;
        this.connectorState = connectorState;
    }

    /** The connector's state while an operation of this type runs. */
    public ConnectorState connectorState() {
        return connectorState;
    }

    /** MSK Connect's operation state of this type in {@code phase}: {@code PAUSE_IN_PROGRESS}, {@code UPDATE_FAILED}. */
    public String state(String phase) {
        return verb + "_" + phase;
    }
}

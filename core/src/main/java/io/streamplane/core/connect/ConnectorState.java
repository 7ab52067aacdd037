package io.streamplane.core.connect;

/** MSK Connect's connector states. */
public enum ConnectorState {
    CREATING, RUNNING, UPDATING, DELETING, FAILED, PAUSING, PAUSED, RESUMING, RESTARTING
}

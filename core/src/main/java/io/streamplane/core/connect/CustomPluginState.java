package io.streamplane.core.connect;

/** MSK Connect's custom plugin states. */
public enum CustomPluginState {
    CREATING, CREATE_FAILED, ACTIVE, UPDATING, UPDATE_FAILED, DELETING
}

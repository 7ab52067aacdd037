package io.streamplane.core.configuration;

/** MSK's configuration states. */
public enum ConfigurationState {
    ACTIVE, DELETING, DELETE_FAILED
}

package io.streamplane.core.connect;

/** MSK Connect's worker configuration states. */
public enum WorkerConfigurationState {
    ACTIVE, DELETING
}

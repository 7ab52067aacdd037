package io.streamplane.core.operation;

/** The states MSK reports for a cluster operation. */
public enum OperationState {
    PENDING, UPDATE_IN_PROGRESS, UPDATE_COMPLETE, UPDATE_FAILED;

    public boolean isFinished() {
        return this == UPDATE_COMPLETE || this == UPDATE_FAILED;
    }
}

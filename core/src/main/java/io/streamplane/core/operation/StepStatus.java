package io.streamplane.core.operation;

/** Progress of one step of an operation. */
public enum StepStatus {
    PENDING, IN_PROGRESS, COMPLETE, FAILED
}

package io.streamplane.core.operation;

/** One named step of an operation and how far it got. */
public record OperationStep(String name, StepStatus status) {
    public OperationStep withStatus(StepStatus newStatus) {
        return new OperationStep(name, newStatus);
    }
}

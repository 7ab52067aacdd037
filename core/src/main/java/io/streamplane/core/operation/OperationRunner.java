package io.streamplane.core.operation;

/** Takes an operation, once it is recorded, and runs it in the background: the engine does. */
@FunctionalInterface
public interface OperationRunner {
    void submit(String operationArn);
}

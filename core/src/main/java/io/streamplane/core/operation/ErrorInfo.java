package io.streamplane.core.operation;

/** Why an operation failed, as MSK reports it in {@code errorInfo}. */
public record ErrorInfo(String errorCode, String errorString) {
}

package io.streamplane.core.connect;

import io.streamplane.core.operation.ErrorInfo;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Connect did not bring the connector where an operation asked (RUNNING after an update, PAUSED
 * after a pause), with Connect's reason; and how connector operations report a failure.
 */
final class ConnectorNotSettled extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient StateDescription why;

    ConnectorNotSettled(StateDescription why) {
        super(why.message());
        this.why = why;
    }

    /** Connect's reason when Connect did not settle the connector; any other failure with the step's message. */
    static ErrorInfo errorInfo(Exception cause) {
        if (cause instanceof ConnectorNotSettled notSettled) {
            return new ErrorInfo(notSettled.why.code(), notSettled.why.message());
        }
        return new ErrorInfo("UPDATE_FAILED", String.valueOf(cause.getMessage()));
    }

    /** The connector FAILED, described as the operation's failure is. */
    static UnaryOperator<Connector> failedWith(ErrorInfo why) {
        return c -> c.withState(ConnectorState.FAILED,
                Optional.of(new StateDescription(why.errorCode(), why.errorString())));
    }
}

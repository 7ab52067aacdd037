package io.streamplane.core.operation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the {@link OperationEngine} needs of an operation, whatever it changes: its steps by name
 * and how far they got, and the next state of each. Cluster operations and connector operations
 * each keep the states their own API reports.
 */
public interface TrackedOperation<O extends TrackedOperation<O>> {

    String arn();

    /** The operation's type as the API names it, such as {@code UPDATE_BROKER_COUNT}. */
    String typeName();

    /** The resource the operation changes; operations on one resource run one after another. */
    String subjectArn();

    /** The steps, in order, by the names the operation keeps and shows. */
    List<String> stepNames();

    boolean isStepComplete(String stepName);

    boolean isFinished();

    O stepStarted(String stepName);

    O stepCompleted(String stepName);

    O completed(Instant at);

    /** The operation failed: at {@code stepName} if a step was running then, with {@code why}. */
    O failed(Instant at, Optional<String> stepName, ErrorInfo why);
}

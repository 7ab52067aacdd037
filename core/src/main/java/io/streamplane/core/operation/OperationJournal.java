package io.streamplane.core.operation;

import java.util.List;
import java.util.Optional;

/**
 * Where the engine keeps the operations it runs and their progress.
 *
 * @param <O> the operations
 * @param <R> what an ending operation makes of the resource it changes
 */
public interface OperationJournal<O, R> {

    Optional<O> find(String operationArn);

    void save(O operation);

    /**
     * Records an operation's end ({@code operation} is completed or failed) and its outcome on the
     * resource it changes, in one transaction: a crash leaves both or neither.
     */
    void end(O operation, R outcome);

    /** Operations not finished yet, oldest first: those to resume at start-up. */
    List<O> unfinished();
}

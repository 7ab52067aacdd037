package io.streamplane.core.operation;

import java.util.List;
import java.util.Optional;

/** Where the engine keeps the operations it runs and their progress. */
public interface OperationJournal<O> {

    Optional<O> find(String operationArn);

    void save(O operation);

    /** Operations not finished yet, oldest first: those to resume at start-up. */
    List<O> unfinished();
}

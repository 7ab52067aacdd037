package io.streamplane.core.connect;

import io.streamplane.core.operation.OperationJournal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Connector operations as the operation engine keeps them: under their connector in the ConnectStore. */
final class ConnectorOperationJournal implements OperationJournal<ConnectorOperation> {
    private final ConnectStore store;

    ConnectorOperationJournal(ConnectStore store) {
        this.store = store;
    }

    @Override
    public Optional<ConnectorOperation> find(String operationArn) {
        return store.findConnectorOperation(operationArn);
    }

    @Override
    public void save(ConnectorOperation operation) {
        store.updateConnectorOperation(operation);
    }

    @Override
    public List<ConnectorOperation> unfinished() {
        return store.listConnectors().stream().flatMap(c -> store.connectorOperations(c.arn()).stream())
                .filter(o -> !o.isFinished()).sorted(Comparator.comparing(ConnectorOperation::creationTime)).toList();
    }
}

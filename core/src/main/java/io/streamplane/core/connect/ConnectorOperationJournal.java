package io.streamplane.core.connect;

import io.streamplane.core.operation.OperationJournal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Connector operations as the operation engine keeps them: under their connector in the ConnectStore. */
final class ConnectorOperationJournal implements OperationJournal<ConnectorOperation, UnaryOperator<Connector>> {
    private final ConnectStore store;
    private final ConnectorRecords records;

    ConnectorOperationJournal(ConnectStore store, ConnectorRecords records) {
        this.store = store;
        this.records = records;
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
    public void end(ConnectorOperation operation, UnaryOperator<Connector> change) {
        records.end(operation, change);
    }

    @Override
    public List<ConnectorOperation> unfinished() {
        return store.listConnectors().stream().flatMap(c -> store.connectorOperations(c.arn()).stream())
                .filter(o -> !o.isFinished()).sorted(Comparator.comparing(ConnectorOperation::creationTime)).toList();
    }
}

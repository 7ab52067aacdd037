package io.streamplane.core.connect;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one writer of stored connectors: every change is made to the connector read afresh, so none
 * loses another's change, and a connector being deleted stays DELETING whatever else changes.
 */
final class ConnectorRecords {
    private final ConnectStore store;

    ConnectorRecords(ConnectStore store) {
        this.store = store;
    }

    Optional<Connector> find(String arn) {
        return store.findConnector(arn);
    }

    synchronized Optional<Connector> amend(String arn, UnaryOperator<Connector> change) {
        var changed = changed(arn, change);
        changed.ifPresent(store::updateConnector);
        return changed;
    }

    /** Records the operation's end and the change it makes to its connector in one transaction. */
    synchronized void end(ConnectorOperation operation, UnaryOperator<Connector> change) {
        store.endConnectorOperation(operation, changed(operation.connectorArn(), change));
    }

    private Optional<Connector> changed(String arn, UnaryOperator<Connector> change) {
        return store.findConnector(arn).map(current -> {
            var changed = change.apply(current);
            return current.state() == ConnectorState.DELETING
                    ? changed.withState(ConnectorState.DELETING, current.stateDescription()) : changed;
        });
    }
}

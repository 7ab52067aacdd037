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
        var current = store.findConnector(arn);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        var changed = change.apply(current.get());
        if (current.get().state() == ConnectorState.DELETING) {
            changed = changed.withState(ConnectorState.DELETING, current.get().stateDescription());
        }
        store.updateConnector(changed);
        return Optional.of(changed);
    }
}

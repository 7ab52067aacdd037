package io.streamplane.core.connect;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A connector: its own Kafka Connect cluster in distributed mode, {@code workers} of them running
 * now, with the connector submitted to it. {@code currentVersion} changes with every update, as
 * MSK Connect's does.
 */
public record Connector(String arn, String name, String description, Instant creationTime, ConnectorState state,
                        Optional<StateDescription> stateDescription, String currentVersion, ConnectorSpec spec,
                        List<ConnectWorker> workers) {
    public Connector {
        workers = List.copyOf(workers);
    }

    /** Whether the connector runs with the custom plugin or worker configuration of this ARN. */
    public boolean uses(String resourceArn) {
        return spec.pluginArn().equals(resourceArn) || spec.workerConfigurationArn().equals(Optional.of(resourceArn));
    }

    public String uuid() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    public Connector withState(ConnectorState newState, Optional<StateDescription> description) {
        return new Connector(arn, name, this.description, creationTime, newState, description, currentVersion, spec,
                workers);
    }

    public Connector withWorkers(List<ConnectWorker> newWorkers) {
        return new Connector(arn, name, description, creationTime, state, stateDescription, currentVersion, spec,
                newWorkers);
    }

    public Connector withSpec(ConnectorSpec newSpec, String newVersion) {
        return new Connector(arn, name, description, creationTime, state, stateDescription, newVersion, newSpec,
                workers);
    }
}

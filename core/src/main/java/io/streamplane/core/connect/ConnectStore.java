package io.streamplane.core.connect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where MSK Connect's resources are kept, in the same database as the clusters. */
public interface ConnectStore {
    /** Inserts the plugin and its tags together; Conflict if its name is taken. */
    void createCustomPlugin(CustomPlugin plugin, Map<String, String> tags);

    void updateCustomPlugin(CustomPlugin plugin);

    Optional<CustomPlugin> findCustomPlugin(String arn);

    /** All custom plugins, oldest first. */
    List<CustomPlugin> listCustomPlugins();

    /** Removes the plugin with its tags. */
    void deleteCustomPlugin(String arn);

    /** Inserts the worker configuration with its first revision and its tags; Conflict if its name is taken. */
    void createWorkerConfiguration(WorkerConfiguration configuration, Map<String, String> tags);

    Optional<WorkerConfiguration> findWorkerConfiguration(String arn);

    /** All worker configurations, oldest first. */
    List<WorkerConfiguration> listWorkerConfigurations();

    /** Removes the worker configuration with its tags. */
    void deleteWorkerConfiguration(String arn);

    /** Inserts the connector and its tags together; Conflict if its name is taken. */
    void createConnector(Connector connector, Map<String, String> tags);

    void updateConnector(Connector connector);

    Optional<Connector> findConnector(String arn);

    /** All connectors, oldest first. */
    List<Connector> listConnectors();

    /** Removes the connector with its tags; its operations stay readable. */
    void deleteConnector(String arn);

    void createConnectorOperation(ConnectorOperation operation);

    void updateConnectorOperation(ConnectorOperation operation);

    /** Updates the ended operation and its connector (unless it is gone) in one transaction. */
    void endConnectorOperation(ConnectorOperation operation, Optional<Connector> connector);

    Optional<ConnectorOperation> findConnectorOperation(String arn);

    /** The connector's operations, newest first. */
    List<ConnectorOperation> connectorOperations(String connectorArn);
}

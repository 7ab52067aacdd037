package io.streamplane.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.streamplane.core.connect.ConnectStore;
import io.streamplane.core.connect.Connector;
import io.streamplane.core.connect.ConnectorOperation;
import io.streamplane.core.connect.CustomPlugin;
import io.streamplane.core.connect.WorkerConfiguration;
import io.streamplane.core.error.Conflict;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ConnectStore} on the same JDBC database as the {@link JdbcStore}: each resource a
 * JSON document in {@code connect_resources}, under its kind and name.
 */
public final class JdbcConnectStore implements ConnectStore {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String PLUGIN = "custom-plugin";
    private static final String WORKER_CONFIGURATION = "worker-configuration";
    private static final String CONNECTOR = "connector";
    private static final String CONNECTOR_OPERATION = "connector-operation";
    private final Jdbi jdbi;

    JdbcConnectStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void createCustomPlugin(CustomPlugin plugin, Map<String, String> tags) {
        insert(PLUGIN, plugin.arn(), plugin.name(), Optional.empty(), plugin.creationTime(), plugin, tags,
                "A custom plugin named " + plugin.name() + " already exists");
    }

    @Override
    public void updateCustomPlugin(CustomPlugin plugin) {
        update(plugin.arn(), plugin);
    }

    @Override
    public Optional<CustomPlugin> findCustomPlugin(String arn) {
        return find(PLUGIN, arn, CustomPlugin.class);
    }

    @Override
    public List<CustomPlugin> listCustomPlugins() {
        return list(PLUGIN, CustomPlugin.class);
    }

    @Override
    public void deleteCustomPlugin(String arn) {
        delete(arn);
    }

    @Override
    public void createWorkerConfiguration(WorkerConfiguration configuration, Map<String, String> tags) {
        insert(WORKER_CONFIGURATION, configuration.arn(), configuration.name(), Optional.empty(),
                configuration.creationTime(), configuration, tags,
                "A worker configuration named " + configuration.name() + " already exists");
    }

    @Override
    public Optional<WorkerConfiguration> findWorkerConfiguration(String arn) {
        return find(WORKER_CONFIGURATION, arn, WorkerConfiguration.class);
    }

    @Override
    public List<WorkerConfiguration> listWorkerConfigurations() {
        return list(WORKER_CONFIGURATION, WorkerConfiguration.class);
    }

    @Override
    public void deleteWorkerConfiguration(String arn) {
        delete(arn);
    }

    @Override
    public void createConnector(Connector connector, Map<String, String> tags) {
        insert(CONNECTOR, connector.arn(), connector.name(), Optional.empty(), connector.creationTime(), connector, tags,
                "A connector named " + connector.name() + " already exists");
    }

    @Override
    public void updateConnector(Connector connector) {
        update(connector.arn(), connector);
    }

    @Override
    public Optional<Connector> findConnector(String arn) {
        return find(CONNECTOR, arn, Connector.class);
    }

    @Override
    public List<Connector> listConnectors() {
        return list(CONNECTOR, Connector.class);
    }

    @Override
    public void deleteConnector(String arn) {
        delete(arn);
    }

    @Override
    public void createConnectorOperation(ConnectorOperation operation) {
        // Operations have no names of their own; the ARN stands in, unique as names must be.
        insert(CONNECTOR_OPERATION, operation.arn(), operation.arn(), Optional.of(operation.connectorArn()),
                operation.creationTime(), operation, Map.of(), "The connector operation " + operation.arn() + " exists");
    }

    @Override
    public void updateConnectorOperation(ConnectorOperation operation) {
        update(operation.arn(), operation);
    }

    @Override
    public Optional<ConnectorOperation> findConnectorOperation(String arn) {
        return find(CONNECTOR_OPERATION, arn, ConnectorOperation.class);
    }

    @Override
    public List<ConnectorOperation> connectorOperations(String connectorArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT document FROM connect_resources WHERE kind = :kind "
                        + "AND parent_arn = :parent ORDER BY created_at DESC, arn DESC")
                .bind("kind", CONNECTOR_OPERATION).bind("parent", connectorArn).mapTo(String.class).list())
                .stream().map(json -> read(json, ConnectorOperation.class)).toList();
    }

    private void insert(String kind, String arn, String name, Optional<String> parentArn, Instant createdAt,
                        Object document, Map<String, String> tags, String conflict) {
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("INSERT INTO connect_resources (arn, kind, name, parent_arn, "
                                + "created_at, document) VALUES (:arn, :kind, :name, :parent, :created, :document)")
                        .bind("arn", arn).bind("kind", kind).bind("name", name).bind("parent", parentArn.orElse(null))
                        .bind("created", createdAt.toEpochMilli()).bind("document", write(document)).execute();
                JdbcTagStore.insertTags(h, arn, tags);
            });
        } catch (UnableToExecuteStatementException e) {
            if (find(kind, arn, Object.class).isPresent() || nameTaken(kind, name)) {
                throw new Conflict(conflict);
            }
            throw e;
        }
    }

    private boolean nameTaken(String kind, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM connect_resources WHERE kind = :kind "
                + "AND name = :name").bind("kind", kind).bind("name", name).mapTo(Integer.class).one() > 0);
    }

    @Override
    public void endConnectorOperation(ConnectorOperation operation, Optional<Connector> connector) {
        jdbi.useTransaction(h -> {
            update(h, operation.arn(), operation);
            connector.ifPresent(c -> update(h, c.arn(), c));
        });
    }

    private void update(String arn, Object document) {
        jdbi.useHandle(h -> update(h, arn, document));
    }

    private void update(Handle h, String arn, Object document) {
        h.createUpdate("UPDATE connect_resources SET document = :document WHERE arn = :arn")
                .bind("arn", arn).bind("document", write(document)).execute();
    }

    private <T> Optional<T> find(String kind, String arn, Class<T> type) {
        return jdbi.withHandle(h -> h.createQuery("SELECT document FROM connect_resources WHERE kind = :kind "
                        + "AND arn = :arn").bind("kind", kind).bind("arn", arn).mapTo(String.class).findOne())
                .map(json -> read(json, type));
    }

    private <T> List<T> list(String kind, Class<T> type) {
        return jdbi.withHandle(h -> h.createQuery("SELECT document FROM connect_resources WHERE kind = :kind "
                        + "ORDER BY created_at, arn").bind("kind", kind).mapTo(String.class).list())
                .stream().map(json -> read(json, type)).toList();
    }

    private void delete(String arn) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM resource_tags WHERE resource_arn = :arn").bind("arn", arn).execute();
            h.createUpdate("DELETE FROM connect_resources WHERE arn = :arn").bind("arn", arn).execute();
        });
    }

    private static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + document, e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt connect resource document: " + json, e);
        }
    }
}

package io.streamplane.core.connect;

import io.streamplane.core.Ids;
import io.streamplane.core.MemoryBudget;
import io.streamplane.core.Page;
import io.streamplane.core.PropertyKeys;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.tag.TagRules;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MSK Connect's connectors as the API sees them: every request checked and recorded at once, the
 * work (workers started, the connector submitted, changes rolled in) left to the
 * {@link ConnectorSupervisor}, as MSK Connect answers CREATING or UPDATING at once.
 */
public final class ConnectorService {
    /** MSK Connect allows 200 tags on a resource. */
    public static final int MAX_TAGS = 200;
    /** The Kafka Connect versions MSK Connect offers; the workers here run the bundled Kafka's Connect. */
    public static final List<String> KAFKA_CONNECT_VERSIONS = List.of("2.7.1", "3.7.x");
    private final ServiceIdentity identity;
    private final ConnectStore store;
    private final CustomPluginService plugins;
    private final WorkerConfigurationService workerConfigurations;
    private final ConnectorSupervisor supervisor;
    private final Ids ids;
    private final Clock clock;
    private final MemoryBudget memory;

    /** @param memory what the workers may take; the connectors' claim on it is added here */
    public ConnectorService(ServiceIdentity identity, ConnectStore store, CustomPluginService plugins,
                            WorkerConfigurationService workerConfigurations, ConnectorSupervisor supervisor,
                            MemoryBudget memory, Ids ids, Clock clock) {
        this.memory = memory;
        memory.addClaims(() -> store.listConnectors().stream().mapToLong(c -> c.spec().capacity().memoryMegabytes())
                .sum());
        this.identity = identity;
        this.store = store;
        this.plugins = plugins;
        this.workerConfigurations = workerConfigurations;
        this.supervisor = supervisor;
        this.ids = ids;
        this.clock = clock;
    }

    public synchronized Connector create(CreateConnectorCommand command) {
        TagRules.check(command.tags(), MAX_TAGS, "tags");
        CapacityRules.check(command.capacity(), "capacity");
        if (command.plugins().size() != 1) {
            throw new InvalidRequest("plugins", "plugins must name exactly one custom plugin, got "
                    + command.plugins().size());
        }
        var plugin = activePlugin(command.plugins().get(0).getKey(), command.plugins().get(0).getValue());
        checkConnectorConfiguration(command.connectorConfiguration(), plugin);
        if (command.workerConfigurationArn().isPresent()) {
            workerConfigurations.revision(command.workerConfigurationArn().get(),
                    command.workerConfigurationRevision().orElse(0L));
        }
        if (command.authenticationType().equals("IAM")) {
            throw new InvalidRequest("kafkaClusterClientAuthentication.authenticationType", "IAM authentication needs "
                    + "AWS's identity service, which this server does not have; use NONE");
        }
        if (!KAFKA_CONNECT_VERSIONS.contains(command.kafkaConnectVersion())) {
            throw new InvalidRequest("kafkaConnectVersion", "kafkaConnectVersion must be one of "
                    + KAFKA_CONNECT_VERSIONS + ", got '" + command.kafkaConnectVersion() + "'");
        }
        command.unsupportedLogDelivery().ifPresent(member -> {
            throw new InvalidRequest(member, "Log delivery to CloudWatch Logs or Firehose is not available here; "
                    + "deliver worker logs to S3 instead");
        });
        command.s3LogDelivery().filter(d -> d.bucket().isBlank()).ifPresent(d -> {
            throw new InvalidRequest("logDelivery.workerLogDelivery.s3.bucket", "Log delivery to S3 needs the bucket "
                    + "the logs go to");
        });
        if (command.bootstrapServers().isBlank()) {
            throw new InvalidRequest("kafkaCluster.apacheKafkaCluster.bootstrapServers", "bootstrapServers must name "
                    + "the Kafka cluster's brokers, as host:port,host:port");
        }
        if (store.listConnectors().stream().anyMatch(c -> c.name().equals(command.name()))) {
            throw new Conflict("A connector named " + command.name() + " already exists");
        }
        memory.require("capacity", "Connector capacity of " + command.capacity().describeWorkers(),
                command.capacity().memoryMegabytes());
        var spec = new ConnectorSpec(command.capacity(), command.connectorConfiguration(), command.bootstrapServers(),
                command.subnets(), command.securityGroups(), command.authenticationType(), command.encryptionType(),
                command.kafkaConnectVersion(), command.s3LogDelivery(), plugin.arn(), CustomPlugin.REVISION,
                command.workerConfigurationArn(), command.workerConfigurationRevision(),
                command.serviceExecutionRoleArn(), command.networkType());
        var connector = new Connector(identity.connectArn("connector", command.name(), ids.resourceUuid()),
                command.name(), command.description().orElse(""), clock.instant(), ConnectorState.CREATING,
                Optional.empty(), ids.clusterVersion(), spec, List.of());
        store.createConnector(connector, command.tags());
        supervisor.provision(connector.arn());
        return connector;
    }

    public Connector describe(String arn) {
        return store.findConnector(arn).orElseThrow(() -> new NotFound("The connector " + arn + " does not exist"));
    }

    public Page<Connector> list(Optional<String> namePrefix, Optional<Integer> maxResults, Optional<String> nextToken) {
        var matching = store.listConnectors().stream()
                .filter(c -> namePrefix.map(prefix -> c.name().startsWith(prefix)).orElse(true)).toList();
        return Page.of(matching, maxResults, nextToken);
    }

    /**
     * Changes the capacity or the connector configuration (one of them, as MSK Connect takes them) of a
     * RUNNING connector whose version is {@code currentVersion}.
     */
    public synchronized ConnectorOperation update(String arn, String currentVersion,
                                                  Optional<ConnectorCapacity> capacity,
                                                  Optional<Map<String, String>> configuration) {
        var connector = describe(arn);
        if (capacity.isPresent() == configuration.isPresent()) {
            throw new InvalidRequest("capacity", "An update changes exactly one of capacity and "
                    + "connectorConfiguration");
        }
        checkCurrent(connector, currentVersion);
        if (connector.state() != ConnectorState.RUNNING) {
            throw new InvalidRequest("connectorArn", "The connector can only be updated while it is RUNNING; it is "
                    + connector.state());
        }
        capacity.ifPresent(c -> {
            CapacityRules.check(c, "capacity");
            memory.require("capacity", "Connector capacity of " + c.describeWorkers(),
                    c.memoryMegabytes() - connector.spec().capacity().memoryMegabytes());
        });
        configuration.ifPresent(c -> checkConnectorConfiguration(c, activePlugin(connector.spec().pluginArn(),
                connector.spec().pluginRevision())));
        var type = capacity.isPresent() ? ConnectorOperationType.UPDATE_WORKER_SETTING
                : ConnectorOperationType.UPDATE_CONNECTOR_CONFIGURATION;
        var operation = ConnectorOperation.open(connector, ids.operationUuid(), type, capacity, Optional.empty(),
                configuration, clock.instant());
        String newVersion = ids.clusterVersion();
        supervisor.startOperation(operation, c -> c.withSpec(c.spec(), newVersion));
        return operation;
    }

    /** Pauses a RUNNING connector: its tasks stop moving records and keep their offsets; the workers stay. */
    public synchronized ConnectorOperation pause(String arn) {
        return control(arn, ConnectorOperationType.PAUSE_CONNECTOR, false, ConnectorState.RUNNING);
    }

    /** Runs a PAUSED connector again, from the offsets its tasks had reached. */
    public synchronized ConnectorOperation resume(String arn) {
        return control(arn, ConnectorOperationType.RESUME_CONNECTOR, false, ConnectorState.PAUSED);
    }

    /** Restarts a RUNNING or FAILED connector and its tasks, or only the tasks that failed. */
    public synchronized ConnectorOperation restart(String arn, boolean onlyFailedTasks) {
        return control(arn, ConnectorOperationType.RESTART_CONNECTOR, onlyFailedTasks, ConnectorState.RUNNING,
                ConnectorState.FAILED);
    }

    private ConnectorOperation control(String arn, ConnectorOperationType type, boolean onlyFailedTasks,
                                       ConnectorState... allowedFrom) {
        var connector = describe(arn);
        if (!List.of(allowedFrom).contains(connector.state())) {
            throw new InvalidRequest("connectorArn", "The connector can't take " + type + " while it is "
                    + connector.state() + "; it must be " + String.join(" or ", List.of(allowedFrom).stream()
                    .map(Enum::name).toList()));
        }
        var operation = ConnectorOperation.control(connector, ids.operationUuid(), type, onlyFailedTasks,
                clock.instant());
        supervisor.startOperation(operation, c -> c);
        return operation;
    }

    /** Starts the deletion; {@code currentVersion}, when given, must be current. */
    public synchronized Connector delete(String arn, Optional<String> currentVersion) {
        var connector = describe(arn);
        currentVersion.ifPresent(v -> checkCurrent(connector, v));
        var deleting = supervisor.amend(arn, c -> c.withState(ConnectorState.DELETING, Optional.empty()))
                .orElseThrow(() -> new NotFound("The connector " + arn + " does not exist"));
        supervisor.remove(arn);
        return deleting;
    }

    public ConnectorOperation describeOperation(String arn) {
        return store.findConnectorOperation(arn).orElseThrow(() -> new NotFound("The connector operation " + arn
                + " does not exist"));
    }

    public Page<ConnectorOperation> operations(String connectorArn, Optional<Integer> maxResults,
                                               Optional<String> nextToken) {
        describe(connectorArn);
        return Page.of(store.connectorOperations(connectorArn), maxResults, nextToken);
    }

    private static void checkCurrent(Connector connector, String currentVersion) {
        if (!connector.currentVersion().equals(currentVersion)) {
            throw new InvalidRequest("currentVersion", "The currentVersion " + currentVersion + " isn't current; "
                    + "the connector's version is " + connector.currentVersion());
        }
    }

    private CustomPlugin activePlugin(String arn, long revision) {
        String field = "plugins[0].customPlugin.customPluginArn";
        var plugin = store.findCustomPlugin(arn).orElseThrow(() -> new InvalidRequest(field, "The custom plugin "
                + arn + " does not exist"));
        if (plugin.state() != CustomPluginState.ACTIVE) {
            throw new InvalidRequest(field, "The custom plugin " + arn + " is " + plugin.state() + ", not ACTIVE"
                    + plugin.stateDescription().map(d -> ": " + d.message()).orElse(""));
        }
        if (revision != CustomPlugin.REVISION) {
            throw new InvalidRequest("plugins[0].customPlugin.revision", "The custom plugin " + arn
                    + " has no revision " + revision + "; its revision is " + CustomPlugin.REVISION);
        }
        return plugin;
    }

    /**
     * Every key a configuration name, and a connector class the plugin offers: Connect takes one by
     * its full name or its alias (simple name, or without "Connector").
     */
    private static void checkConnectorConfiguration(Map<String, String> configuration, CustomPlugin plugin) {
        var malformed = configuration.keySet().stream().map(PropertyKeys::problem).flatMap(Optional::stream).toList();
        if (!malformed.isEmpty()) {
            throw new InvalidRequest("connectorConfiguration", "connectorConfiguration has keys Connect cannot take: "
                    + String.join("; ", malformed));
        }
        String connectorClass = configuration.get("connector.class");
        if (connectorClass == null || connectorClass.isBlank()) {
            throw new InvalidRequest("connectorConfiguration", "connectorConfiguration must set connector.class");
        }
        boolean offered = plugin.connectorClasses().stream().anyMatch(c -> c.className().equals(connectorClass)
                || simpleName(c.className()).equals(connectorClass)
                || simpleName(c.className()).equals(connectorClass + "Connector"));
        if (!offered) {
            throw new InvalidRequest("connectorConfiguration", "The connector.class " + connectorClass + " is not in "
                    + "the custom plugin " + plugin.name() + ", which offers " + plugin.connectorClasses().stream()
                    .map(ConnectorClass::className).toList());
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}

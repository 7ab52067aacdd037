package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.connect.AutoScaling;
import io.streamplane.core.connect.Connector;
import io.streamplane.core.connect.ConnectorCapacity;
import io.streamplane.core.connect.ConnectorOperation;
import io.streamplane.core.connect.ConnectorService;
import io.streamplane.core.connect.CreateConnectorCommand;
import io.streamplane.core.connect.S3LogDelivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MSK Connect's connector operations, and the connector operations they open. */
public final class ConnectorHandlers {
    private final ConnectorService connectors;

    public ConnectorHandlers(ConnectorService connectors) {
        this.connectors = connectors;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateConnector", this::createConnector);
        handlers.put("DescribeConnector", this::describeConnector);
        handlers.put("ListConnectors", this::listConnectors);
        handlers.put("UpdateConnector", this::updateConnector);
        handlers.put("DeleteConnector", this::deleteConnector);
        handlers.put("PauseConnector", input -> opened(connectors.pause(input.path("connectorArn").asText())));
        handlers.put("ResumeConnector", input -> opened(connectors.resume(input.path("connectorArn").asText())));
        handlers.put("RestartConnector", input -> opened(connectors.restart(input.path("connectorArn").asText(),
                input.path("onlyFailedTasks").asBoolean(false))));
        handlers.put("DescribeConnectorOperation", this::describeConnectorOperation);
        handlers.put("ListConnectorOperations", this::listConnectorOperations);
    }

    JsonNode createConnector(ObjectNode input) {
        var apacheKafka = input.path("kafkaCluster").path("apacheKafkaCluster");
        var s3Logs = input.path("logDelivery").path("workerLogDelivery").path("s3");
        var plugins = new ArrayList<Map.Entry<String, Long>>();
        input.path("plugins").forEach(p -> plugins.add(Map.entry(p.path("customPlugin").path("customPluginArn")
                .asText(), p.path("customPlugin").path("revision").asLong())));
        var worker = input.path("workerConfiguration");
        var command = new CreateConnectorCommand(input.path("connectorName").asText(),
                Wire.text(input, "connectorDescription"), capacity(input.path("capacity")),
                Wire.stringMap(input, "connectorConfiguration"), apacheKafka.path("bootstrapServers").asText(),
                strings(apacheKafka.path("vpc").path("subnets")), strings(apacheKafka.path("vpc").path("securityGroups")),
                input.path("kafkaClusterClientAuthentication").path("authenticationType").asText(),
                input.path("kafkaClusterEncryptionInTransit").path("encryptionType").asText(),
                input.path("kafkaConnectVersion").asText(),
                s3Logs.path("enabled").asBoolean(false)
                        ? Optional.of(new S3LogDelivery(s3Logs.path("bucket").asText(), s3Logs.path("prefix").asText("")))
                        : Optional.empty(),
                unsupportedLogDelivery(input.path("logDelivery").path("workerLogDelivery")), plugins,
                Wire.text(worker, "workerConfigurationArn"),
                worker.has("revision") ? Optional.of(worker.path("revision").asLong()) : Optional.empty(),
                input.path("serviceExecutionRoleArn").asText(), input.path("networkType").asText("IPV4"),
                Wire.stringMap(input, "tags"));
        var connector = connectors.create(command);
        var out = Wire.object();
        out.put("connectorArn", connector.arn());
        out.put("connectorName", connector.name());
        out.put("connectorState", connector.state().name());
        return out;
    }

    JsonNode describeConnector(ObjectNode input) {
        var connector = connectors.describe(input.path("connectorArn").asText());
        var out = summary(connector);
        out.set("connectorConfiguration", Wire.tags(connector.spec().connectorConfiguration()));
        connector.stateDescription().ifPresent(d -> out.set("stateDescription", ConnectWire.stateDescription(d)));
        return out;
    }

    JsonNode listConnectors(ObjectNode input) {
        return Wire.page("connectors", connectors.list(Wire.text(input, "connectorNamePrefix"),
                Wire.integer(input, "maxResults"), Wire.text(input, "nextToken")), ConnectorHandlers::summary);
    }

    JsonNode updateConnector(ObjectNode input) {
        Optional<ConnectorCapacity> capacity = input.has("capacity")
                ? Optional.of(capacity(input.path("capacity"))) : Optional.empty();
        Optional<Map<String, String>> configuration = input.has("connectorConfiguration")
                ? Optional.of(Wire.stringMap(input, "connectorConfiguration")) : Optional.empty();
        var operation = connectors.update(input.path("connectorArn").asText(), input.path("currentVersion").asText(),
                capacity, configuration);
        var out = Wire.object();
        out.put("connectorArn", operation.connectorArn());
        out.put("connectorState", "UPDATING");
        out.put("connectorOperationArn", operation.arn());
        return out;
    }

    JsonNode deleteConnector(ObjectNode input) {
        var connector = connectors.delete(input.path("connectorArn").asText(), Wire.text(input, "currentVersion"));
        var out = Wire.object();
        out.put("connectorArn", connector.arn());
        out.put("connectorState", connector.state().name());
        return out;
    }

    /** The answer of PauseConnector, ResumeConnector and RestartConnector: the operation each opened. */
    private static JsonNode opened(ConnectorOperation operation) {
        var out = Wire.object();
        out.put("connectorArn", operation.connectorArn());
        out.put("connectorOperationArn", operation.arn());
        return out;
    }

    JsonNode describeConnectorOperation(ObjectNode input) {
        var operation = connectors.describeOperation(input.path("connectorOperationArn").asText());
        var out = operationSummary(operation);
        out.put("connectorArn", operation.connectorArn());
        var steps = out.putArray("operationSteps");
        operation.steps().forEach(s -> steps.addObject().put("stepType", s.type()).put("stepState", s.state()));
        out.putObject("originWorkerSetting").set("capacity", capacityDescription(operation.originCapacity()));
        operation.targetCapacity().ifPresent(c -> out.putObject("targetWorkerSetting")
                .set("capacity", capacityDescription(c)));
        out.set("originConnectorConfiguration", Wire.tags(operation.originConfiguration()));
        operation.targetConfiguration().ifPresent(c -> out.set("targetConnectorConfiguration", Wire.tags(c)));
        operation.errorInfo().ifPresent(e -> out.set("errorInfo", ConnectWire.stateDescription(e)));
        return out;
    }

    JsonNode listConnectorOperations(ObjectNode input) {
        return Wire.page("connectorOperations", connectors.operations(input.path("connectorArn").asText(),
                Wire.integer(input, "maxResults"), Wire.text(input, "nextToken")), ConnectorHandlers::operationSummary);
    }

    private static ObjectNode operationSummary(ConnectorOperation operation) {
        var out = Wire.object();
        out.put("connectorOperationArn", operation.arn());
        out.put("connectorOperationType", operation.type().name());
        out.put("connectorOperationState", operation.state());
        out.put("creationTime", Wire.timestamp(operation.creationTime()));
        operation.endTime().ifPresent(t -> out.put("endTime", Wire.timestamp(t)));
        return out;
    }

    private static ObjectNode summary(Connector connector) {
        var spec = connector.spec();
        var out = Wire.object();
        out.set("capacity", capacityDescription(spec.capacity()));
        out.put("connectorArn", connector.arn());
        out.put("connectorDescription", connector.description());
        out.put("connectorName", connector.name());
        out.put("connectorState", connector.state().name());
        out.put("creationTime", Wire.timestamp(connector.creationTime()));
        out.put("currentVersion", connector.currentVersion());
        var kafka = out.putObject("kafkaCluster").putObject("apacheKafkaCluster");
        kafka.put("bootstrapServers", spec.bootstrapServers());
        var vpc = kafka.putObject("vpc");
        spec.securityGroups().forEach(vpc.putArray("securityGroups")::add);
        spec.subnets().forEach(vpc.putArray("subnets")::add);
        out.putObject("kafkaClusterClientAuthentication").put("authenticationType", spec.authenticationType());
        out.putObject("kafkaClusterEncryptionInTransit").put("encryptionType", spec.encryptionType());
        out.put("kafkaConnectVersion", spec.kafkaConnectVersion());
        var logs = out.putObject("logDelivery").putObject("workerLogDelivery");
        logs.putObject("cloudWatchLogs").put("enabled", false);
        logs.putObject("firehose").put("enabled", false);
        var s3 = logs.putObject("s3");
        s3.put("enabled", spec.s3LogDelivery().isPresent());
        spec.s3LogDelivery().ifPresent(d -> s3.put("bucket", d.bucket()).put("prefix", d.prefix()));
        out.put("networkType", spec.networkType());
        out.putArray("plugins").addObject().putObject("customPlugin").put("customPluginArn", spec.pluginArn())
                .put("revision", spec.pluginRevision());
        out.put("serviceExecutionRoleArn", spec.serviceExecutionRoleArn());
        spec.workerConfigurationArn().ifPresent(arn -> out.putObject("workerConfiguration")
                .put("workerConfigurationArn", arn).put("revision", spec.workerConfigurationRevision().orElse(1L)));
        return out;
    }

    private static ObjectNode capacityDescription(ConnectorCapacity capacity) {
        var out = Wire.object();
        capacity.provisionedWorkerCount().ifPresent(workers -> out.putObject("provisionedCapacity")
                .put("mcuCount", capacity.mcuCount()).put("workerCount", workers));
        capacity.autoScaling().ifPresent(scaling -> {
            var auto = out.putObject("autoScaling");
            auto.put("maxWorkerCount", scaling.maxWorkerCount());
            auto.put("mcuCount", capacity.mcuCount());
            auto.put("minWorkerCount", scaling.minWorkerCount());
            auto.putObject("scaleInPolicy").put("cpuUtilizationPercentage", scaling.scaleInPercentage());
            auto.putObject("scaleOutPolicy").put("cpuUtilizationPercentage", scaling.scaleOutPercentage());
            scaling.maxAutoscalingTaskCount().ifPresent(t -> auto.put("maxAutoscalingTaskCount", t));
        });
        return out;
    }

    /** Capacity as CreateConnector and UpdateConnector carry it; the service checks that exactly one kind is given. */
    private static ConnectorCapacity capacity(JsonNode capacity) {
        var provisioned = capacity.path("provisionedCapacity");
        var auto = capacity.path("autoScaling");
        if (auto.isObject()) {
            var scaling = new AutoScaling(auto.path("minWorkerCount").asInt(), auto.path("maxWorkerCount").asInt(),
                    auto.path("scaleInPolicy").path("cpuUtilizationPercentage")
                            .asInt(AutoScaling.DEFAULT_SCALE_IN_PERCENTAGE),
                    auto.path("scaleOutPolicy").path("cpuUtilizationPercentage")
                            .asInt(AutoScaling.DEFAULT_SCALE_OUT_PERCENTAGE),
                    auto.has("maxAutoscalingTaskCount") ? Optional.of(auto.path("maxAutoscalingTaskCount").asInt())
                            : Optional.empty());
            return new ConnectorCapacity(auto.path("mcuCount").asInt(),
                    provisioned.isObject() ? Optional.of(provisioned.path("workerCount").asInt()) : Optional.empty(),
                    Optional.of(scaling));
        }
        return new ConnectorCapacity(provisioned.path("mcuCount").asInt(),
                provisioned.isObject() ? Optional.of(provisioned.path("workerCount").asInt()) : Optional.empty(),
                Optional.empty());
    }

    /** A sink turned on, or a sink's destination named (which would otherwise be accepted and dropped). */
    private static Optional<String> unsupportedLogDelivery(JsonNode workerLogDelivery) {
        var destinations = Map.of("cloudWatchLogs", "logGroup", "firehose", "deliveryStream");
        for (String member : List.of("cloudWatchLogs", "firehose")) {
            JsonNode sink = workerLogDelivery.path(member);
            if (sink.path("enabled").asBoolean(false)) {
                return Optional.of("logDelivery.workerLogDelivery." + member);
            }
            if (sink.has(destinations.get(member))) {
                return Optional.of("logDelivery.workerLogDelivery." + member + "." + destinations.get(member));
            }
        }
        return Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}

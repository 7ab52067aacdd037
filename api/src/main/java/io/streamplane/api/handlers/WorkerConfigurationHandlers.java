package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.connect.WorkerConfiguration;
import io.streamplane.core.connect.WorkerConfigurationRevision;
import io.streamplane.core.connect.WorkerConfigurationService;

import java.util.Map;

/** MSK Connect's worker configuration operations: create, describe, list and delete. */
public final class WorkerConfigurationHandlers {
    private final WorkerConfigurationService configurations;

    public WorkerConfigurationHandlers(WorkerConfigurationService configurations) {
        this.configurations = configurations;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateWorkerConfiguration", this::createWorkerConfiguration);
        handlers.put("DescribeWorkerConfiguration", this::describeWorkerConfiguration);
        handlers.put("ListWorkerConfigurations", this::listWorkerConfigurations);
        handlers.put("DeleteWorkerConfiguration", this::deleteWorkerConfiguration);
    }

    JsonNode createWorkerConfiguration(ObjectNode input) {
        var configuration = configurations.create(input.path("name").asText(), Wire.text(input, "description"),
                ConnectWire.base64Text(input.path("propertiesFileContent").asText(), "propertiesFileContent"),
                Wire.stringMap(input, "tags"));
        var out = Wire.object();
        out.put("creationTime", Wire.timestamp(configuration.creationTime()));
        out.set("latestRevision", revisionSummary(configuration.latestRevision()));
        out.put("name", configuration.name());
        out.put("workerConfigurationArn", configuration.arn());
        out.put("workerConfigurationState", configuration.state().name());
        return out;
    }

    JsonNode describeWorkerConfiguration(ObjectNode input) {
        var configuration = configurations.describe(input.path("workerConfigurationArn").asText());
        var out = Wire.object();
        out.put("creationTime", Wire.timestamp(configuration.creationTime()));
        out.put("description", configuration.description());
        var revision = revisionSummary(configuration.latestRevision());
        revision.put("propertiesFileContent", ConnectWire.base64(configuration.latestRevision().propertiesFileContent()));
        out.set("latestRevision", revision);
        out.put("name", configuration.name());
        out.put("workerConfigurationArn", configuration.arn());
        out.put("workerConfigurationState", configuration.state().name());
        return out;
    }

    JsonNode listWorkerConfigurations(ObjectNode input) {
        return Wire.page("workerConfigurations", configurations.list(Wire.text(input, "namePrefix"),
                Wire.integer(input, "maxResults"), Wire.text(input, "nextToken")),
                WorkerConfigurationHandlers::summary);
    }

    JsonNode deleteWorkerConfiguration(ObjectNode input) {
        var configuration = configurations.delete(input.path("workerConfigurationArn").asText());
        var out = Wire.object();
        out.put("workerConfigurationArn", configuration.arn());
        out.put("workerConfigurationState", configuration.state().name());
        return out;
    }

    private static ObjectNode summary(WorkerConfiguration configuration) {
        var out = Wire.object();
        out.put("creationTime", Wire.timestamp(configuration.creationTime()));
        out.put("description", configuration.description());
        out.set("latestRevision", revisionSummary(configuration.latestRevision()));
        out.put("name", configuration.name());
        out.put("workerConfigurationArn", configuration.arn());
        out.put("workerConfigurationState", configuration.state().name());
        return out;
    }

    private static ObjectNode revisionSummary(WorkerConfigurationRevision revision) {
        var out = Wire.object();
        out.put("creationTime", Wire.timestamp(revision.creationTime()));
        out.put("description", revision.description());
        out.put("revision", revision.revision());
        return out;
    }
}

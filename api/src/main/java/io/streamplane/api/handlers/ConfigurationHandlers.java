package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.configuration.Configuration;
import io.streamplane.core.configuration.ConfigurationRevision;
import io.streamplane.core.configuration.ConfigurationService;
import io.streamplane.core.error.InvalidRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;

/** The MSK configuration operations: create, describe, list, revise and delete configurations. */
public final class ConfigurationHandlers {
    private final ConfigurationService configurations;

    public ConfigurationHandlers(ConfigurationService configurations) {
        this.configurations = configurations;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateConfiguration", this::createConfiguration);
        handlers.put("DescribeConfiguration", this::describeConfiguration);
        handlers.put("DescribeConfigurationRevision", this::describeConfigurationRevision);
        handlers.put("ListConfigurations", this::listConfigurations);
        handlers.put("ListConfigurationRevisions", this::listConfigurationRevisions);
        handlers.put("UpdateConfiguration", this::updateConfiguration);
        handlers.put("DeleteConfiguration", this::deleteConfiguration);
    }

    JsonNode createConfiguration(ObjectNode input) {
        var versions = new ArrayList<String>();
        input.path("kafkaVersions").forEach(v -> versions.add(v.asText()));
        var configuration = configurations.create(input.path("name").asText(), Wire.text(input, "description"),
                versions, serverProperties(input));
        var out = Wire.object();
        out.put("arn", configuration.arn());
        out.put("creationTime", Wire.timestamp(configuration.creationTime()));
        out.set("latestRevision", revision(configuration.latestRevision()));
        out.put("name", configuration.name());
        out.put("state", configuration.state().name());
        return out;
    }

    JsonNode describeConfiguration(ObjectNode input) {
        return configuration(configurations.describe(input.path("arn").asText()));
    }

    JsonNode describeConfigurationRevision(ObjectNode input) {
        String arn = input.path("arn").asText();
        var revision = configurations.describeRevision(arn, input.path("revision").asLong());
        var out = Wire.object();
        out.put("arn", arn);
        out.put("creationTime", Wire.timestamp(revision.creationTime()));
        out.put("description", revision.description());
        out.put("revision", revision.revision());
        out.put("serverProperties", Base64.getEncoder().encodeToString(
                revision.serverProperties().getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    JsonNode listConfigurations(ObjectNode input) {
        return Wire.page("configurations", configurations.list(Wire.integer(input, "maxResults"),
                Wire.text(input, "nextToken")), ConfigurationHandlers::configuration);
    }

    JsonNode listConfigurationRevisions(ObjectNode input) {
        return Wire.page("revisions", configurations.revisions(input.path("arn").asText(),
                Wire.integer(input, "maxResults"), Wire.text(input, "nextToken")), ConfigurationHandlers::revision);
    }

    JsonNode updateConfiguration(ObjectNode input) {
        var configuration = configurations.update(input.path("arn").asText(), Wire.text(input, "description"),
                serverProperties(input));
        var out = Wire.object();
        out.put("arn", configuration.arn());
        out.set("latestRevision", revision(configuration.latestRevision()));
        return out;
    }

    JsonNode deleteConfiguration(ObjectNode input) {
        var configuration = configurations.delete(input.path("arn").asText());
        return Wire.object().put("arn", configuration.arn()).put("state", configuration.state().name());
    }

    private static ObjectNode configuration(Configuration configuration) {
        var out = Wire.object();
        out.put("arn", configuration.arn());
        out.put("creationTime", Wire.timestamp(configuration.creationTime()));
        out.put("description", configuration.description());
        var versions = out.putArray("kafkaVersions");
        configuration.kafkaVersions().forEach(versions::add);
        out.set("latestRevision", revision(configuration.latestRevision()));
        out.put("name", configuration.name());
        out.put("state", configuration.state().name());
        return out;
    }

    private static ObjectNode revision(ConfigurationRevision revision) {
        var out = Wire.object();
        out.put("creationTime", Wire.timestamp(revision.creationTime()));
        out.put("description", revision.description());
        out.put("revision", revision.revision());
        return out;
    }

    /** The blob arrives base64-encoded; the validator has checked it is valid base64. */
    private static String serverProperties(ObjectNode input) {
        byte[] bytes = Base64.getDecoder().decode(input.path("serverProperties").asText());
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new InvalidRequest("serverProperties", "serverProperties is empty");
        }
        return text;
    }
}

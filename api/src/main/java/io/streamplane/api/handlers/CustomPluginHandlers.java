package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.connect.CustomPlugin;
import io.streamplane.core.connect.CustomPluginService;
import io.streamplane.core.connect.CustomPluginState;
import io.streamplane.core.connect.PluginContentType;
import io.streamplane.core.connect.S3ObjectLocation;

import java.util.Map;

/** MSK Connect's custom plugin operations: create, describe, list and delete. */
public final class CustomPluginHandlers {
    private final CustomPluginService plugins;

    public CustomPluginHandlers(CustomPluginService plugins) {
        this.plugins = plugins;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateCustomPlugin", this::createCustomPlugin);
        handlers.put("DescribeCustomPlugin", this::describeCustomPlugin);
        handlers.put("ListCustomPlugins", this::listCustomPlugins);
        handlers.put("DeleteCustomPlugin", this::deleteCustomPlugin);
    }

    JsonNode createCustomPlugin(ObjectNode input) {
        var s3 = input.path("location").path("s3Location");
        var location = S3ObjectLocation.of(s3.path("bucketArn").asText(), s3.path("fileKey").asText(),
                Wire.text(s3, "objectVersion"), "location.s3Location");
        var plugin = plugins.create(input.path("name").asText(), Wire.text(input, "description"),
                PluginContentType.valueOf(input.path("contentType").asText()), location,
                Wire.stringMap(input, "tags"));
        var out = Wire.object();
        out.put("customPluginArn", plugin.arn());
        out.put("customPluginState", plugin.state().name());
        out.put("name", plugin.name());
        out.put("revision", CustomPlugin.REVISION);
        return out;
    }

    JsonNode describeCustomPlugin(ObjectNode input) {
        var plugin = plugins.describe(input.path("customPluginArn").asText());
        var out = summary(plugin);
        plugin.stateDescription().ifPresent(d -> out.set("stateDescription", ConnectWire.stateDescription(d)));
        return out;
    }

    JsonNode listCustomPlugins(ObjectNode input) {
        return Wire.page("customPlugins", plugins.list(Wire.text(input, "namePrefix"), Wire.integer(input, "maxResults"),
                Wire.text(input, "nextToken")), CustomPluginHandlers::summary);
    }

    JsonNode deleteCustomPlugin(ObjectNode input) {
        var plugin = plugins.delete(input.path("customPluginArn").asText());
        var out = Wire.object();
        out.put("customPluginArn", plugin.arn());
        out.put("customPluginState", plugin.state().name());
        return out;
    }

    private static ObjectNode summary(CustomPlugin plugin) {
        var out = Wire.object();
        out.put("creationTime", Wire.timestamp(plugin.creationTime()));
        out.put("customPluginArn", plugin.arn());
        out.put("customPluginState", plugin.state().name());
        out.put("description", plugin.description());
        // Only a revision that was created successfully is shown, as MSK Connect does.
        if (plugin.state() == CustomPluginState.ACTIVE) {
            out.set("latestRevision", revision(plugin));
        }
        out.put("name", plugin.name());
        return out;
    }

    private static ObjectNode revision(CustomPlugin plugin) {
        var revision = Wire.object();
        revision.put("contentType", plugin.contentType().name());
        revision.put("creationTime", Wire.timestamp(plugin.creationTime()));
        revision.put("description", plugin.description());
        plugin.file().ifPresent(f -> revision.putObject("fileDescription").put("fileMd5", f.md5())
                .put("fileSize", f.size()));
        var s3 = revision.putObject("location").putObject("s3Location");
        s3.put("bucketArn", plugin.location().bucketArn());
        s3.put("fileKey", plugin.location().fileKey());
        plugin.location().objectVersion().ifPresent(v -> s3.put("objectVersion", v));
        revision.put("revision", CustomPlugin.REVISION);
        return revision;
    }
}

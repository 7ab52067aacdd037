package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.Page;
import io.streamplane.core.kafka.KafkaVersionCatalog;
import io.streamplane.core.lifecycle.ClusterService;
import io.streamplane.core.kafka.KafkaVersion;

import java.util.List;
import java.util.Map;

/** ListKafkaVersions and GetCompatibleKafkaVersions: MSK's versions of the metadata modes this server runs. */
public final class KafkaVersionHandlers {
    private final KafkaVersionCatalog versions;
    private final ClusterService clusters;

    public KafkaVersionHandlers(KafkaVersionCatalog versions, ClusterService clusters) {
        this.versions = versions;
        this.clusters = clusters;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("ListKafkaVersions", this::listKafkaVersions);
        handlers.put("GetCompatibleKafkaVersions", this::getCompatibleKafkaVersions);
    }

    JsonNode listKafkaVersions(ObjectNode input) {
        var page = Page.of(versions.listed(), Wire.integer(input, "maxResults"), Wire.text(input, "nextToken"));
        return Wire.page("kafkaVersions", page,
                v -> Wire.object().put("version", v.name()).put("status", KafkaVersionCatalog.status(v)));
    }

    JsonNode getCompatibleKafkaVersions(ObjectNode input) {
        var out = Wire.object();
        var list = out.putArray("compatibleKafkaVersions");
        var clusterArn = Wire.text(input, "clusterArn");
        var sources = clusterArn.isPresent()
                ? List.of(clusters.describe(clusterArn.get()).spec().kafkaVersion())
                : versions.offered().stream().map(KafkaVersion::name).toList();
        for (String source : sources) {
            var entry = list.addObject().put("sourceVersion", source);
            var targets = entry.putArray("targetVersions");
            versions.upgradeTargets(source).forEach(targets::add);
        }
        return out;
    }
}

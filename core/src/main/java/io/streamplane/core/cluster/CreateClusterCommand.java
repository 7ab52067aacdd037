package io.streamplane.core.cluster;

import java.util.Map;

/** A request to create a provisioned cluster, already checked against the API model. */
public record CreateClusterCommand(String clusterName, ClusterSpec spec, Map<String, String> tags) {
    public CreateClusterCommand {
        tags = Map.copyOf(tags);
    }
}

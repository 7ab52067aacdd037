package io.streamplane.core.cluster;

import java.util.Map;

/**
 * A request to create a provisioned cluster, already checked against the API model.
 *
 * @param specMembers where the spec's members stand in the request ({@code ""} or {@code "provisioned."}),
 *                    so that a refusal names the member as the caller sent it
 */
public record CreateClusterCommand(String clusterName, ClusterSpec spec, Map<String, String> tags,
                                   String specMembers) {
    public CreateClusterCommand {
        tags = Map.copyOf(tags);
    }
}

package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.access.ClusterPolicyService;

import java.util.Map;

/** MSK's cluster policies: Put, Get and DeleteClusterPolicy, the policy kept exactly as written. */
public final class ClusterPolicyHandlers {
    private final ClusterPolicyService policies;

    public ClusterPolicyHandlers(ClusterPolicyService policies) {
        this.policies = policies;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("PutClusterPolicy", this::putClusterPolicy);
        handlers.put("GetClusterPolicy", this::getClusterPolicy);
        handlers.put("DeleteClusterPolicy", this::deleteClusterPolicy);
    }

    JsonNode putClusterPolicy(ObjectNode input) {
        String policy = input.path("policy").asText();
        PolicyDocuments.require(policy, "policy");
        String version = policies.put(input.path("clusterArn").asText(), Wire.text(input, "currentVersion"), policy);
        return Wire.object().put("currentVersion", version);
    }

    JsonNode getClusterPolicy(ObjectNode input) {
        var policy = policies.get(input.path("clusterArn").asText());
        return Wire.object().put("currentVersion", policy.version()).put("policy", policy.policy());
    }

    JsonNode deleteClusterPolicy(ObjectNode input) {
        policies.delete(input.path("clusterArn").asText());
        return Wire.object();
    }
}

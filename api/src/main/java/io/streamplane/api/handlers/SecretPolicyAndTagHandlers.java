package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.ApiException;
import io.streamplane.api.protocol.AwsError;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.secrets.SecretService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A secret's resource policy and tags, and the operations of features this server does not have
 * (rotation, which needs Lambda; replication, which needs other regions), refused saying so.
 */
public final class SecretPolicyAndTagHandlers {
    private final SecretService secrets;

    public SecretPolicyAndTagHandlers(SecretService secrets) {
        this.secrets = secrets;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("GetResourcePolicy", this::getResourcePolicy);
        handlers.put("PutResourcePolicy", this::putResourcePolicy);
        handlers.put("DeleteResourcePolicy", input -> SecretsManagerHandlers.named(
                secrets.deleteResourcePolicy(input.path("SecretId").asText())));
        handlers.put("ValidateResourcePolicy", this::validateResourcePolicy);
        handlers.put("TagResource", this::tagResource);
        handlers.put("UntagResource", this::untagResource);
        for (String rotation : new String[] {"RotateSecret", "CancelRotateSecret"}) {
            handlers.put(rotation, input -> {
                throw new InvalidRequest("Rotation runs a Lambda function, and this server has none; put a new value "
                        + "with PutSecretValue instead");
            });
        }
        for (String replication : new String[] {"ReplicateSecretToRegions", "RemoveRegionsFromReplication",
                "StopReplicationToReplica"}) {
            handlers.put(replication, input -> {
                throw new InvalidRequest("Replication needs other regions; this server is the one region it names, "
                        + "so its secrets have no replicas");
            });
        }
    }

    JsonNode getResourcePolicy(ObjectNode input) {
        var secret = secrets.describe(input.path("SecretId").asText());
        var out = SecretsManagerHandlers.named(secret);
        secrets.resourcePolicy(secret).ifPresent(p -> out.put("ResourcePolicy", p));
        return out;
    }

    JsonNode putResourcePolicy(ObjectNode input) {
        String policy = input.path("ResourcePolicy").asText();
        PolicyDocuments.problem(policy).ifPresent(problem -> {
            throw new ApiException(new AwsError(400, "MalformedPolicyDocumentException", problem, Optional.empty()));
        });
        if (input.path("BlockPublicPolicy").asBoolean(false) && PolicyDocuments.grantsEveryone(policy)) {
            throw new ApiException(new AwsError(400, "PublicPolicyException", "BlockPublicPolicy is set and the "
                    + "policy allows everyone (Principal \"*\") without a condition", Optional.empty()));
        }
        return SecretsManagerHandlers.named(secrets.putResourcePolicy(input.path("SecretId").asText(), policy));
    }

    /** The checks a policy gets here are of form only; there is no IAM to say more. */
    JsonNode validateResourcePolicy(ObjectNode input) {
        Wire.text(input, "SecretId").ifPresent(secrets::describe);
        var problem = PolicyDocuments.problem(input.path("ResourcePolicy").asText());
        var out = Wire.object().put("PolicyValidationPassed", problem.isEmpty());
        var errors = out.putArray("ValidationErrors");
        problem.ifPresent(p -> errors.addObject().put("CheckName", "POLICY_SYNTAX").put("ErrorMessage", p));
        return out;
    }

    JsonNode tagResource(ObjectNode input) {
        var tags = new LinkedHashMap<String, String>();
        input.path("Tags").forEach(t -> tags.put(t.path("Key").asText(), t.path("Value").asText()));
        secrets.tag(input.path("SecretId").asText(), tags);
        return Wire.object();
    }

    JsonNode untagResource(ObjectNode input) {
        var keys = new ArrayList<String>();
        input.path("TagKeys").forEach(k -> keys.add(k.asText()));
        secrets.untag(input.path("SecretId").asText(), keys);
        return Wire.object();
    }
}

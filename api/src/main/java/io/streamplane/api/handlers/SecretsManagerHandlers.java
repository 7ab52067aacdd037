package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.secrets.Secret;
import io.streamplane.core.secrets.SecretService.SecretValue;
import io.streamplane.core.secrets.SecretService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Secrets Manager operations MSK's SASL/SCRAM needs, in that service's JSON protocol: member
 * names as the model spells them (Name, SecretString...) and timestamps in epoch seconds.
 */
public final class SecretsManagerHandlers {
    private final SecretService secrets;

    public SecretsManagerHandlers(SecretService secrets) {
        this.secrets = secrets;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateSecret", this::createSecret);
        handlers.put("GetSecretValue", this::getSecretValue);
        handlers.put("PutSecretValue", this::putSecretValue);
        handlers.put("DescribeSecret", this::describeSecret);
        handlers.put("ListSecrets", this::listSecrets);
        handlers.put("DeleteSecret", this::deleteSecret);
    }

    JsonNode createSecret(ObjectNode input) {
        refuseBinary(input);
        var tags = new LinkedHashMap<String, String>();
        input.path("Tags").forEach(t -> tags.put(t.path("Key").asText(), t.path("Value").asText()));
        var created = secrets.create(input.path("Name").asText(), Wire.text(input, "SecretString"),
                input.path("Description").asText(""), Wire.text(input, "KmsKeyId"),
                Wire.text(input, "ClientRequestToken"), tags);
        return Wire.object().put("ARN", created.secret().arn()).put("Name", created.secret().name())
                .put("VersionId", created.version().versionId());
    }

    JsonNode getSecretValue(ObjectNode input) {
        SecretValue value = secrets.value(input.path("SecretId").asText(), Wire.text(input, "VersionId"),
                Wire.text(input, "VersionStage"));
        var out = Wire.object().put("ARN", value.secret().arn()).put("Name", value.secret().name())
                .put("VersionId", value.version().versionId())
                .put("SecretString", value.version().secretString());
        stages(out.putArray("VersionStages"), value.stages());
        out.put("CreatedDate", epochSeconds(value.version().createdDate()));
        return out;
    }

    JsonNode putSecretValue(ObjectNode input) {
        refuseBinary(input);
        SecretValue value = secrets.put(input.path("SecretId").asText(), Wire.text(input, "SecretString"),
                Wire.text(input, "ClientRequestToken"));
        var out = Wire.object().put("ARN", value.secret().arn()).put("Name", value.secret().name())
                .put("VersionId", value.version().versionId());
        stages(out.putArray("VersionStages"), value.stages());
        return out;
    }

    JsonNode describeSecret(ObjectNode input) {
        Secret secret = secrets.describe(input.path("SecretId").asText());
        var out = entry(secret);
        out.set("VersionIdsToStages", out.remove("SecretVersionsToStages"));
        return out;
    }

    JsonNode listSecrets(ObjectNode input) {
        var prefixes = new ArrayList<String>();
        for (JsonNode filter : input.path("Filters")) {
            if (!filter.path("Key").asText().equals("name")) {
                throw new InvalidRequest("Filters", "Only the 'name' filter is supported, got '"
                        + filter.path("Key").asText() + "'");
            }
            filter.path("Values").forEach(v -> prefixes.add(v.asText()));
        }
        var page = secrets.list(Wire.integer(input, "MaxResults"), Wire.text(input, "NextToken"),
                input.path("IncludePlannedDeletion").asBoolean(false), prefixes);
        var out = Wire.object();
        var list = out.putArray("SecretList");
        page.items().forEach(s -> list.add(entry(s)));
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    JsonNode deleteSecret(ObjectNode input) {
        var recoveryDays = input.has("RecoveryWindowInDays")
                ? Optional.of(input.path("RecoveryWindowInDays").asLong()) : Optional.<Long>empty();
        Secret deleted = secrets.delete(input.path("SecretId").asText(),
                input.path("ForceDeleteWithoutRecovery").asBoolean(false), recoveryDays);
        var out = Wire.object().put("ARN", deleted.arn()).put("Name", deleted.name());
        deleted.deletedDate().ifPresent(d -> out.put("DeletionDate", epochSeconds(d)));
        return out;
    }

    /** SecretListEntry; DescribeSecret has the same members but names the version map differently. */
    private ObjectNode entry(Secret secret) {
        var out = Wire.object().put("ARN", secret.arn()).put("Name", secret.name());
        if (!secret.description().isEmpty()) {
            out.put("Description", secret.description());
        }
        secret.kmsKeyId().ifPresent(k -> out.put("KmsKeyId", k));
        out.put("CreatedDate", epochSeconds(secret.createdDate()));
        out.put("LastChangedDate", epochSeconds(secret.lastChangedDate()));
        secret.deletedDate().ifPresent(d -> out.put("DeletedDate", epochSeconds(d)));
        out.put("RotationEnabled", false);
        var versions = out.putObject("SecretVersionsToStages");
        stages(versions.putArray(secret.currentVersionId()), List.of(SecretService.CURRENT));
        secret.previousVersionId().ifPresent(p -> stages(versions.putArray(p), List.of(SecretService.PREVIOUS)));
        var tags = out.putArray("Tags");
        secrets.tags(secret).forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        return out;
    }

    private static void stages(ArrayNode array, List<String> stages) {
        stages.forEach(array::add);
    }

    private static void refuseBinary(ObjectNode input) {
        if (input.has("SecretBinary")) {
            throw new InvalidRequest("SecretBinary",
                    "SecretBinary is not supported: this server keeps string secrets only; use SecretString");
        }
    }

    /** The JSON protocol's timestamp: seconds since the epoch, with milliseconds as the fraction. */
    private static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}

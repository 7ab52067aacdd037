package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.error.DomainException;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.secrets.RandomPasswords;
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
 * Secrets Manager's secrets and their values, in that service's JSON protocol: member names as the
 * model spells them (Name, SecretString...) and timestamps in epoch seconds.
 */
public final class SecretsManagerHandlers {
    private final SecretService secrets;
    private final RandomPasswords passwords = new RandomPasswords();

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
        handlers.put("UpdateSecret", this::updateSecret);
        handlers.put("RestoreSecret", this::restoreSecret);
        handlers.put("ListSecretVersionIds", this::listSecretVersionIds);
        handlers.put("UpdateSecretVersionStage", this::updateSecretVersionStage);
        handlers.put("BatchGetSecretValue", this::batchGetSecretValue);
        handlers.put("GetRandomPassword", this::getRandomPassword);
    }

    JsonNode createSecret(ObjectNode input) {
        refuseBinary(input);
        refuseUnheld(input, "Type");
        if (input.has("AddReplicaRegions") && !input.get("AddReplicaRegions").isEmpty()) {
            throw new InvalidRequest("AddReplicaRegions", "Replicas need other regions: this server is the one region "
                    + "it names; create the secret without AddReplicaRegions");
        }
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
        refuseUnheld(input, "RotationToken");
        var stages = new ArrayList<String>();
        input.path("VersionStages").forEach(stage -> stages.add(stage.asText()));
        if (!stages.isEmpty() && !stages.equals(List.of(SecretService.CURRENT))) {
            throw new InvalidRequest("VersionStages", "A new value becomes the AWSCURRENT version here, the one before "
                    + "it AWSPREVIOUS; other staging labels are not kept, got " + stages);
        }
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
        var page = secrets.list(Wire.integer(input, "MaxResults"), Wire.text(input, "NextToken"),
                input.path("IncludePlannedDeletion").asBoolean(false), namePrefixes(input), Wire.text(input, "SortBy"),
                input.path("SortOrder").asText("asc").equals("desc"));
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

    JsonNode updateSecret(ObjectNode input) {
        refuseBinary(input);
        refuseUnheld(input, "Type");
        var update = secrets.update(input.path("SecretId").asText(), Wire.text(input, "Description"),
                Wire.text(input, "KmsKeyId"), Wire.text(input, "SecretString"), Wire.text(input, "ClientRequestToken"));
        var out = named(update.secret());
        update.newVersion().ifPresent(v -> out.put("VersionId", v.versionId()));
        return out;
    }

    JsonNode restoreSecret(ObjectNode input) {
        return named(secrets.restore(input.path("SecretId").asText()));
    }

    JsonNode listSecretVersionIds(ObjectNode input) {
        var secret = secrets.describe(input.path("SecretId").asText());
        var page = secrets.versionIds(secret.arn(), input.path("IncludeDeprecated").asBoolean(false),
                Wire.integer(input, "MaxResults"), Wire.text(input, "NextToken"));
        var out = named(secret);
        var versions = out.putArray("Versions");
        page.items().forEach(entry -> {
            var version = versions.addObject().put("VersionId", entry.version().versionId());
            stages(version.putArray("VersionStages"), entry.stages());
            version.put("CreatedDate", epochSeconds(entry.version().createdDate()));
            secret.kmsKeyId().ifPresent(k -> version.putArray("KmsKeyIds").add(k));
        });
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    JsonNode updateSecretVersionStage(ObjectNode input) {
        return named(secrets.moveStage(input.path("SecretId").asText(), input.path("VersionStage").asText(),
                Wire.text(input, "MoveToVersionId"), Wire.text(input, "RemoveFromVersionId")));
    }

    /**
     * The current values of the secrets named, or of those the filters match; a secret that cannot
     * be read is an entry in Errors, not a failure of the call.
     */
    JsonNode batchGetSecretValue(ObjectNode input) {
        var ids = new ArrayList<String>();
        input.path("SecretIdList").forEach(id -> ids.add(id.asText()));
        boolean filtered = input.has("Filters");
        if (ids.isEmpty() == !filtered) {
            throw new InvalidRequest("SecretIdList", "Give either SecretIdList or Filters");
        }
        var out = Wire.object();
        var values = out.putArray("SecretValues");
        var errors = out.putArray("Errors");
        if (filtered) {
            var page = secrets.list(Wire.integer(input, "MaxResults"), Wire.text(input, "NextToken"), false,
                    namePrefixes(input), Optional.empty(), false);
            page.items().forEach(s -> ids.add(s.arn()));
            page.nextToken().ifPresent(t -> out.put("NextToken", t));
        }
        for (String id : ids) {
            try {
                SecretValue value = secrets.value(id, Optional.empty(), Optional.empty());
                var entry = values.addObject().put("ARN", value.secret().arn()).put("Name", value.secret().name())
                        .put("VersionId", value.version().versionId())
                        .put("SecretString", value.version().secretString());
                stages(entry.putArray("VersionStages"), value.stages());
                entry.put("CreatedDate", epochSeconds(value.version().createdDate()));
            } catch (DomainException e) {
                errors.addObject().put("SecretId", id)
                        .put("ErrorCode", e instanceof NotFound ? "ResourceNotFoundException" : "InvalidRequestException")
                        .put("Message", e.getMessage());
            }
        }
        return out;
    }

    JsonNode getRandomPassword(ObjectNode input) {
        var rules = new RandomPasswords.Rules(
                input.path("PasswordLength").asInt(RandomPasswords.DEFAULT_LENGTH),
                input.path("ExcludeCharacters").asText(""),
                input.path("ExcludeNumbers").asBoolean(false),
                input.path("ExcludePunctuation").asBoolean(false),
                input.path("ExcludeUppercase").asBoolean(false),
                input.path("ExcludeLowercase").asBoolean(false),
                input.path("IncludeSpace").asBoolean(false),
                input.path("RequireEachIncludedType").asBoolean(true));
        return Wire.object().put("RandomPassword", passwords.generate(rules));
    }

    /** What most answers name: the secret's ARN and name. */
    static ObjectNode named(Secret secret) {
        return Wire.object().put("ARN", secret.arn()).put("Name", secret.name());
    }

    private static List<String> namePrefixes(ObjectNode input) {
        var prefixes = new ArrayList<String>();
        for (JsonNode filter : input.path("Filters")) {
            if (!filter.path("Key").asText().equals("name")) {
                throw new InvalidRequest("Filters", "Only the 'name' filter is supported, got '"
                        + filter.path("Key").asText() + "'");
            }
            filter.path("Values").forEach(v -> prefixes.add(v.asText()));
        }
        return prefixes;
    }

    /** A member for a feature this server does not have (rotation, managed secret types): refused, never dropped. */
    private static void refuseUnheld(ObjectNode input, String member) {
        if (input.hasNonNull(member)) {
            throw new InvalidRequest(member, member + " is not supported: this server has no secret rotation and "
                    + "keeps secrets of its own type only");
        }
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

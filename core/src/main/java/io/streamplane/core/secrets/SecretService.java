package io.streamplane.core.secrets;

import io.streamplane.core.Page;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.tag.TagRules;
import io.streamplane.core.tag.TagService;
import io.streamplane.core.tag.TagStore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The part of AWS Secrets Manager that MSK's SASL/SCRAM needs: secrets with string values and
 * versions, scheduled or immediate deletion. Values are stored as given: there is no KMS here.
 */
public final class SecretService {
    /** Secrets Manager allows 50 tags on a secret. */
    public static final int MAX_TAGS = 50;
    public static final String CURRENT = "AWSCURRENT";
    public static final String PREVIOUS = "AWSPREVIOUS";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int DEFAULT_RECOVERY_DAYS = 30;
    private final ServiceIdentity identity;
    private final SecretStore store;
    private final TagStore tags;
    /** Tags of secrets already found, so every ARN it is given names one. */
    private final TagService tagging;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final List<Consumer<Secret>> valueListeners = new CopyOnWriteArrayList<>();

    /** @param tags where the secrets' tags are kept, with those of clusters and configurations */
    public SecretService(ServiceIdentity identity, SecretStore store, TagStore tags, Clock clock) {
        this.identity = identity;
        this.store = store;
        this.tags = tags;
        this.tagging = new TagService(tags, MAX_TAGS, "Tags", arn -> true);
        this.clock = clock;
    }

    /** Calls {@code listener} after a secret gets a new current value, as clusters using it must follow. */
    public void onNewValue(Consumer<Secret> listener) {
        valueListeners.add(listener);
    }

    /** A secret's value at one version, with the stages that version is in. */
    public record SecretValue(Secret secret, SecretVersion version, List<String> stages) {
    }

    public SecretValue create(String name, Optional<String> secretString, String description,
                              Optional<String> kmsKeyId, Optional<String> clientRequestToken,
                              Map<String, String> secretTags) {
        TagRules.check(secretTags, MAX_TAGS, "Tags");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidRequest("Name", "Name must be 1 to 512 letters, digits and /_+=.@- characters, got '"
                    + name + "'");
        }
        String value = secretString.orElseThrow(() -> new InvalidRequest("SecretString",
                "SecretString is required: this server keeps string secrets only"));
        var existing = active(store.findSecretByName(name));
        if (existing.isPresent()) {
            var secret = existing.get();
            if (secret.deletedDate().isPresent()) {
                throw new InvalidRequest("You can't create this secret because a secret with this name is already "
                        + "scheduled for deletion.");
            }
            // A retried create (same token, same value) answers as the first one did.
            var retried = clientRequestToken.flatMap(token -> store.findVersion(secret.arn(), token))
                    .filter(version -> version.secretString().equals(value));
            if (retried.isPresent()) {
                return new SecretValue(secret, retried.get(), stages(secret, retried.get().versionId()));
            }
            throw new Conflict("The operation failed because the secret " + name + " already exists.");
        }
        Instant now = clock.instant();
        var version = new SecretVersion(clientRequestToken.orElseGet(() -> UUID.randomUUID().toString()), value, now);
        var secret = new Secret(identity.secretArn(name, suffix()), name, description, kmsKeyId, now, now,
                Optional.empty(), version.versionId(), Optional.empty());
        store.createSecret(secret, version, secretTags);
        return new SecretValue(secret, version, List.of(CURRENT));
    }

    public SecretValue value(String secretId, Optional<String> versionId, Optional<String> versionStage) {
        var secret = readable(secretId);
        String wanted = versionId.orElseGet(() -> switch (versionStage.orElse(CURRENT)) {
            case CURRENT -> secret.currentVersionId();
            case PREVIOUS -> secret.previousVersionId().orElseThrow(() -> new NotFound(
                    "Secrets Manager can't find the specified secret value for staging label: " + PREVIOUS));
            default -> throw new NotFound("Secrets Manager can't find the specified secret value for staging label: "
                    + versionStage.get());
        });
        var version = store.findVersion(secret.arn(), wanted).orElseThrow(() -> new NotFound(
                "Secrets Manager can't find the specified secret value for VersionId: " + wanted));
        if (versionStage.isPresent() && !stages(secret, wanted).contains(versionStage.get())) {
            throw new InvalidRequest("VersionStage", "Version " + wanted + " is not in stage " + versionStage.get());
        }
        return new SecretValue(secret, version, stages(secret, wanted));
    }

    /** Stores a new value as the current version; the version before becomes the previous one. */
    public SecretValue put(String secretId, Optional<String> secretString, Optional<String> clientRequestToken) {
        var secret = readable(secretId);
        String value = secretString.orElseThrow(() -> new InvalidRequest("SecretString",
                "SecretString is required: this server keeps string secrets only"));
        if (clientRequestToken.isPresent()) {
            var same = store.findVersion(secret.arn(), clientRequestToken.get());
            if (same.isPresent()) {
                if (!same.get().secretString().equals(value)) {
                    throw new Conflict("You can't modify an existing version, you can only create a new version.");
                }
                return new SecretValue(secret, same.get(), stages(secret, same.get().versionId()));
            }
        }
        Instant now = clock.instant();
        var version = new SecretVersion(clientRequestToken.orElseGet(() -> UUID.randomUUID().toString()), value, now);
        var updated = secret.withNewCurrentVersion(version.versionId(), now);
        store.addVersion(updated, version);
        valueListeners.forEach(listener -> listener.accept(updated));
        return new SecretValue(updated, version, List.of(CURRENT));
    }

    /** What UpdateSecret did: the secret as it now is, and the version a new value became. */
    public record SecretUpdate(Secret secret, Optional<SecretVersion> newVersion) {
    }

    /**
     * Changes the description and the key the request names (a key is recorded only: there is no
     * KMS here) and, with a value, stores it as the new current version.
     */
    public SecretUpdate update(String secretId, Optional<String> description, Optional<String> kmsKeyId,
                               Optional<String> secretString, Optional<String> clientRequestToken) {
        var secret = readable(secretId);
        if (description.isPresent() || kmsKeyId.isPresent()) {
            secret = secret.withDetails(description.orElse(secret.description()),
                    kmsKeyId.isPresent() ? kmsKeyId : secret.kmsKeyId(), clock.instant());
            store.updateSecret(secret);
        }
        if (secretString.isEmpty()) {
            return new SecretUpdate(secret, Optional.empty());
        }
        var value = put(secret.arn(), secretString, clientRequestToken);
        return new SecretUpdate(value.secret(), Optional.of(value.version()));
    }

    /** Cancels a scheduled deletion: the secret can be read again, with every version it had. */
    public Secret restore(String secretId) {
        var secret = find(secretId);
        if (secret.deletedDate().isEmpty()) {
            return secret;
        }
        var restored = secret.withDeletedDate(Optional.empty());
        store.updateSecret(restored);
        return restored;
    }

    /** A version as ListSecretVersionIds shows it. */
    public record VersionEntry(SecretVersion version, List<String> stages) {
    }

    /** The secret's versions, newest first; those in no stage only when {@code includeDeprecated}. */
    public Page<VersionEntry> versionIds(String secretId, boolean includeDeprecated, Optional<Integer> maxResults,
                                         Optional<String> nextToken) {
        var secret = find(secretId);
        var entries = store.versions(secret.arn()).stream()
                .map(v -> new VersionEntry(v, stages(secret, v.versionId())))
                .filter(e -> includeDeprecated || !e.stages().isEmpty())
                .toList();
        return Page.of(entries, maxResults, nextToken);
    }

    /**
     * Moves a staging label as UpdateSecretVersionStage does. Only the two labels Secrets Manager
     * itself keeps are held here: AWSCURRENT moves to another version (which takes AWSPREVIOUS
     * along, as Secrets Manager does), AWSPREVIOUS moves or comes off.
     */
    public Secret moveStage(String secretId, String stage, Optional<String> moveTo, Optional<String> removeFrom) {
        var secret = readable(secretId);
        moveTo.ifPresent(v -> store.findVersion(secret.arn(), v).orElseThrow(() -> new NotFound(
                "Secrets Manager can't find the specified secret value for VersionId: " + v)));
        Secret moved = switch (stage) {
            case CURRENT -> moveCurrent(secret, moveTo, removeFrom);
            case PREVIOUS -> movePrevious(secret, moveTo, removeFrom);
            default -> throw new InvalidRequest("VersionStage", "VersionStage '" + stage + "' is not kept here: "
                    + "only the staging labels AWSCURRENT and AWSPREVIOUS are");
        };
        store.updateSecret(moved);
        if (!moved.currentVersionId().equals(secret.currentVersionId())) {
            valueListeners.forEach(listener -> listener.accept(moved));
        }
        return moved;
    }

    private Secret moveCurrent(Secret secret, Optional<String> moveTo, Optional<String> removeFrom) {
        String target = moveTo.orElseThrow(() -> new InvalidRequest("MoveToVersionId", "You can only move staging "
                + "label AWSCURRENT to a different secret version. It can't be completely removed."));
        if (target.equals(secret.currentVersionId())) {
            return secret;
        }
        if (!removeFrom.equals(Optional.of(secret.currentVersionId()))) {
            throw new InvalidRequest("RemoveFromVersionId", "The parameter RemoveFromVersionId must name version "
                    + secret.currentVersionId() + ", which the staging label AWSCURRENT is currently attached to");
        }
        return secret.withStages(target, Optional.of(secret.currentVersionId()), clock.instant());
    }

    private Secret movePrevious(Secret secret, Optional<String> moveTo, Optional<String> removeFrom) {
        if (removeFrom.isPresent() && !removeFrom.equals(secret.previousVersionId())) {
            throw new InvalidRequest("RemoveFromVersionId", "The staging label AWSPREVIOUS is not attached to version "
                    + removeFrom.get());
        }
        if (moveTo.isEmpty()) {
            return secret.withStages(secret.currentVersionId(), Optional.empty(), clock.instant());
        }
        if (moveTo.get().equals(secret.currentVersionId())) {
            throw new InvalidRequest("MoveToVersionId", "A version holds one staging label here, and version "
                    + moveTo.get() + " holds AWSCURRENT");
        }
        if (secret.previousVersionId().isPresent() && removeFrom.isEmpty()
                && !secret.previousVersionId().equals(moveTo)) {
            throw new InvalidRequest("RemoveFromVersionId", "The parameter RemoveFromVersionId is required because the "
                    + "staging label AWSPREVIOUS is currently attached to version " + secret.previousVersionId().get());
        }
        return secret.withStages(secret.currentVersionId(), moveTo, clock.instant());
    }

    public void tag(String secretId, Map<String, String> newTags) {
        tagging.tag(find(secretId).arn(), newTags);
    }

    public void untag(String secretId, List<String> keys) {
        tagging.untag(find(secretId).arn(), keys);
    }

    /** The resource policy, as written; empty when the secret has none. */
    public Optional<String> resourcePolicy(Secret secret) {
        return store.resourcePolicy(secret.arn());
    }

    /**
     * Keeps the policy with the secret and returns it as written. It grants nothing here: every
     * caller with a key of this server may use every secret (there is no IAM). The caller has
     * checked that it is a policy document.
     */
    public Secret putResourcePolicy(String secretId, String policy) {
        var secret = readable(secretId);
        store.setResourcePolicy(secret.arn(), Optional.of(policy));
        return secret;
    }

    public Secret deleteResourcePolicy(String secretId) {
        var secret = readable(secretId);
        store.setResourcePolicy(secret.arn(), Optional.empty());
        return secret;
    }

    /** Describes the secret, also while its deletion is scheduled. */
    public Secret describe(String secretId) {
        return find(secretId);
    }

    public Map<String, String> tags(Secret secret) {
        return tags.tags(secret.arn());
    }

    /**
     * @param sortBy     created-date (the default), last-changed-date or name; last-accessed-date is not
     *                   kept here, so it is refused
     * @param descending newest (or last) first
     */
    public Page<Secret> list(Optional<Integer> maxResults, Optional<String> nextToken, boolean includePlannedDeletion,
                             List<String> namePrefixes, Optional<String> sortBy, boolean descending) {
        Comparator<Secret> order = switch (sortBy.orElse("created-date")) {
            case "created-date" -> Comparator.comparing(Secret::createdDate);
            case "last-changed-date" -> Comparator.comparing(Secret::lastChangedDate);
            case "name" -> Comparator.comparing(Secret::name);
            default -> throw new InvalidRequest("SortBy", "SortBy " + sortBy.get() + " is not supported: this server "
                    + "does not record when a secret was last read; sort by created-date, last-changed-date or name");
        };
        var secrets = store.listSecrets().stream()
                .filter(s -> active(Optional.of(s)).isPresent())
                .filter(s -> includePlannedDeletion || s.deletedDate().isEmpty())
                .filter(s -> namePrefixes.isEmpty() || namePrefixes.stream().anyMatch(s.name()::startsWith))
                .sorted(descending ? order.reversed() : order)
                .toList();
        return Page.of(secrets, maxResults, nextToken);
    }

    /** The versions of the secret and their stages, newest first, for DescribeSecret and ListSecrets. */
    public List<String> stages(Secret secret, String versionId) {
        if (versionId.equals(secret.currentVersionId())) {
            return List.of(CURRENT);
        }
        return secret.previousVersionId().filter(versionId::equals).map(v -> List.of(PREVIOUS)).orElse(List.of());
    }

    /**
     * Deletes at once, or schedules the deletion after a recovery window (7 to 30 days, 30 by
     * default). A secret a cluster uses for SASL/SCRAM is refused: its users would be locked out
     * with no way back.
     */
    public Secret delete(String secretId, boolean forceWithoutRecovery, Optional<Long> recoveryWindowDays) {
        var secret = find(secretId);
        if (forceWithoutRecovery && recoveryWindowDays.isPresent()) {
            throw new InvalidRequest("RecoveryWindowInDays", "You can't use ForceDeleteWithoutRecovery in "
                    + "conjunction with RecoveryWindowInDays.");
        }
        long days = recoveryWindowDays.orElse((long) DEFAULT_RECOVERY_DAYS);
        if (days < 7 || days > 30) {
            throw new InvalidRequest("RecoveryWindowInDays", "RecoveryWindowInDays must be 7 to 30, got " + days);
        }
        var clusters = store.clustersUsingSecret(secret.arn());
        if (!clusters.isEmpty()) {
            throw new InvalidRequest("The secret " + secret.name() + " is associated with cluster "
                    + clusters.get(0) + " for SASL/SCRAM; disassociate it first (BatchDisassociateScramSecret)");
        }
        Instant now = clock.instant();
        if (forceWithoutRecovery) {
            store.deleteSecret(secret.arn());
            return secret.withDeletedDate(Optional.of(now));
        }
        var scheduled = secret.withDeletedDate(Optional.of(secret.deletedDate()
                .orElse(now.plus(Duration.ofDays(days)))));
        store.updateSecret(scheduled);
        return scheduled;
    }

    /** The secret by ARN or name; NotFound when there is none. */
    public Secret find(String secretId) {
        var found = secretId.startsWith("arn:") ? store.findSecretByArn(secretId) : store.findSecretByName(secretId);
        return active(found).orElseThrow(() -> new NotFound("Secrets Manager can't find the specified secret."));
    }

    /** The secret, refusing one whose deletion is scheduled, as Secrets Manager does. */
    public Secret readable(String secretId) {
        var secret = find(secretId);
        if (secret.deletedDate().isPresent()) {
            throw new InvalidRequest("You can't perform this operation on the secret because it was marked for "
                    + "deletion.");
        }
        return secret;
    }

    /** A secret whose recovery window has passed is gone: removed when next seen. */
    private Optional<Secret> active(Optional<Secret> secret) {
        if (secret.isPresent() && secret.get().deletedDate().filter(d -> !d.isAfter(clock.instant())).isPresent()) {
            store.deleteSecret(secret.get().arn());
            return Optional.empty();
        }
        return secret;
    }

    private String suffix() {
        var sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return sb.toString();
    }
}

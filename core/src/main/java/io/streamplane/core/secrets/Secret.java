package io.streamplane.core.secrets;

import java.time.Instant;
import java.util.Optional;

/**
 * A secret of the Secrets Manager API: a name and its versions' values, of which one is current
 * (AWSCURRENT) and the one before it previous (AWSPREVIOUS).
 *
 * @param deletedDate when a scheduled deletion takes effect; until then the secret can't be read
 */
public record Secret(String arn, String name, String description, Optional<String> kmsKeyId, Instant createdDate,
                     Instant lastChangedDate, Optional<Instant> deletedDate, String currentVersionId,
                     Optional<String> previousVersionId) {

    public Secret withNewCurrentVersion(String versionId, Instant changed) {
        return new Secret(arn, name, description, kmsKeyId, createdDate, changed, deletedDate, versionId,
                Optional.of(currentVersionId));
    }

    public Secret withDetails(String newDescription, Optional<String> newKmsKeyId, Instant changed) {
        return new Secret(arn, name, newDescription, newKmsKeyId, createdDate, changed, deletedDate, currentVersionId,
                previousVersionId);
    }

    /** The versions in the two stages this server keeps, AWSCURRENT and AWSPREVIOUS. */
    public Secret withStages(String current, Optional<String> previous, Instant changed) {
        return new Secret(arn, name, description, kmsKeyId, createdDate, changed, deletedDate, current, previous);
    }

    public Secret withDeletedDate(Optional<Instant> date) {
        return new Secret(arn, name, description, kmsKeyId, createdDate, lastChangedDate, date, currentVersionId,
                previousVersionId);
    }
}

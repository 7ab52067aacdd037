package io.streamplane.core.secrets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where secrets, their versions, and the clusters' SASL/SCRAM associations with them are kept. */
public interface SecretStore {
    /** Inserts a secret with its first version and its tags, together; Conflict if the name is taken. */
    void createSecret(Secret secret, SecretVersion first, Map<String, String> tags);

    Optional<Secret> findSecretByArn(String arn);

    Optional<Secret> findSecretByName(String name);

    /** All secrets, oldest first, including those scheduled for deletion. */
    List<Secret> listSecrets();

    Optional<SecretVersion> findVersion(String secretArn, String versionId);

    /** Adds a version and updates the secret (its current and previous versions), atomically. */
    void addVersion(Secret updated, SecretVersion version);

    /** Updates the secret's own attributes: description, key, deletion date and the versions in each stage. */
    void updateSecret(Secret secret);

    /** The secret's versions, newest first. */
    List<SecretVersion> versions(String secretArn);

    /** The secret's resource policy, as it was written. */
    Optional<String> resourcePolicy(String secretArn);

    void setResourcePolicy(String secretArn, Optional<String> policy);

    /** Removes the secret, its versions and its cluster associations. */
    void deleteSecret(String arn);

    /**
     * Records that the cluster accepts the secret's credentials for {@code username}; associating
     * again replaces the username.
     */
    void associateScramSecret(String clusterArn, String secretArn, String username);

    void disassociateScramSecret(String clusterArn, String secretArn);

    /** The cluster's associations, in the order they were made. */
    List<ScramAssociation> scramAssociations(String clusterArn);

    /** The clusters that accept the secret's credentials. */
    List<String> clustersUsingSecret(String secretArn);
}

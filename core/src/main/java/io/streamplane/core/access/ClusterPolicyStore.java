package io.streamplane.core.access;

import java.util.Optional;

/** Where cluster policies are kept, one per cluster, gone with their cluster. */
public interface ClusterPolicyStore {

    Optional<ClusterPolicy> clusterPolicy(String clusterArn);

    /**
     * Writes the cluster's policy if its stored version is still {@code expectedVersion} (no policy
     * at all when empty): false when another change came first. A cluster the store does not hold
     * gets none.
     */
    boolean replaceClusterPolicy(String clusterArn, Optional<String> expectedVersion, ClusterPolicy policy);

    /** Removes the cluster's policy; false when it had none. */
    boolean deleteClusterPolicy(String clusterArn);
}

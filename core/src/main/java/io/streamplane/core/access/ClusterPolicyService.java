package io.streamplane.core.access;

import io.streamplane.core.Ids;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;

import java.util.Optional;

/**
 * MSK's cluster policies: stored, versioned and read back. They grant other accounts access to a
 * cluster (multi-VPC connectivity, replicators); this server has no other accounts and no IAM, so a
 * policy is kept exactly as written and enforces nothing. The caller has checked that it is JSON.
 */
public final class ClusterPolicyService {
    private final ClusterStore clusters;
    private final ClusterPolicyStore policies;
    private final Ids ids;

    public ClusterPolicyService(ClusterStore clusters, ClusterPolicyStore policies, Ids ids) {
        this.clusters = clusters;
        this.policies = policies;
        this.ids = ids;
    }

    /**
     * Sets the policy. With {@code currentVersion}, only over the policy of that version, as MSK
     * guards a change against one made since the caller read it; without it, over any policy.
     *
     * @return the policy's new version
     */
    public String put(String clusterArn, Optional<String> currentVersion, String policy) {
        requireCluster(clusterArn);
        var stored = policies.clusterPolicy(clusterArn);
        if (currentVersion.isPresent() && !currentVersion.equals(stored.map(ClusterPolicy::version))) {
            throw new InvalidRequest("currentVersion", "The currentVersion " + currentVersion.get()
                    + " is not the cluster policy's version " + stored.map(ClusterPolicy::version).orElse("(none)"));
        }
        var written = new ClusterPolicy(policy, ids.clusterVersion());
        if (!policies.replaceClusterPolicy(clusterArn, stored.map(ClusterPolicy::version), written)) {
            throw new InvalidRequest("currentVersion", "The cluster policy changed while this change was "
                    + "made; read it again and retry");
        }
        return written.version();
    }

    public ClusterPolicy get(String clusterArn) {
        requireCluster(clusterArn);
        return policies.clusterPolicy(clusterArn).orElseThrow(() -> new NotFound("The cluster " + clusterArn
                + " has no cluster policy"));
    }

    public void delete(String clusterArn) {
        requireCluster(clusterArn);
        if (!policies.deleteClusterPolicy(clusterArn)) {
            throw new NotFound("The cluster " + clusterArn + " has no cluster policy");
        }
    }

    private void requireCluster(String clusterArn) {
        if (clusters.findCluster(clusterArn).isEmpty()) {
            throw new NotFound("The cluster " + clusterArn + " does not exist");
        }
    }
}

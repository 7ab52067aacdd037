package io.streamplane.store.jdbc;

import io.streamplane.core.access.ClusterPolicy;
import io.streamplane.core.access.ClusterPolicyStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.util.Optional;

/** The {@link ClusterPolicyStore} on JDBC: one row a cluster, which its cluster's deletion takes along. */
final class JdbcClusterPolicyStore implements ClusterPolicyStore {
    private final Jdbi jdbi;

    JdbcClusterPolicyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<ClusterPolicy> clusterPolicy(String clusterArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT policy, version FROM cluster_policies WHERE cluster_arn = :arn")
                .bind("arn", clusterArn)
                .map((rs, ctx) -> new ClusterPolicy(rs.getString("policy"), rs.getString("version")))
                .findOne());
    }

    @Override
    public boolean replaceClusterPolicy(String clusterArn, Optional<String> expectedVersion, ClusterPolicy policy) {
        // Each branch is one statement, so the version check and the write are one atomic step.
        if (expectedVersion.isPresent()) {
            return jdbi.withHandle(h -> h.createUpdate("UPDATE cluster_policies SET policy = :policy, "
                            + "version = :version WHERE cluster_arn = :arn AND version = :expected")
                    .bind("arn", clusterArn).bind("policy", policy.policy()).bind("version", policy.version())
                    .bind("expected", expectedVersion.get()).execute() == 1);
        }
        try {
            // Nothing for a cluster that is gone; the key refuses a policy written meanwhile.
            return jdbi.withHandle(h -> h.createUpdate("INSERT INTO cluster_policies (cluster_arn, policy, version) "
                            + "SELECT arn, :policy, :version FROM clusters WHERE arn = :arn")
                    .bind("arn", clusterArn).bind("policy", policy.policy()).bind("version", policy.version())
                    .execute() == 1);
        } catch (UnableToExecuteStatementException e) {
            return false;
        }
    }

    @Override
    public boolean deleteClusterPolicy(String clusterArn) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM cluster_policies WHERE cluster_arn = :arn")
                .bind("arn", clusterArn).execute() == 1);
    }
}

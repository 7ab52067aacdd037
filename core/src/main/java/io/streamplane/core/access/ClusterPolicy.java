package io.streamplane.core.access;

/**
 * A cluster's resource policy (an IAM policy document naming who, from other accounts, may reach
 * the cluster) and the version each change gives it.
 */
public record ClusterPolicy(String policy, String version) {
}

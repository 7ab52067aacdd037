package io.streamplane.core.cluster;

/** Why a cluster is in its state, e.g. the reason a creation failed. */
public record StateInfo(String code, String message) {
}

package io.streamplane.core.cluster;

/** MSK's cluster states (enum ClusterState in the service model). */
public enum ClusterState {
    ACTIVE, CREATING, DELETING, FAILED, HEALING, MAINTENANCE, REBOOTING_BROKER, UPDATING
}

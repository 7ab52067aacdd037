package io.streamplane.core.placement;

import io.streamplane.core.cluster.AvailabilityZone;
import io.streamplane.core.node.NodeRole;

/** A node placement decided before anything runs: its id, role and zone. */
public record PlannedNode(int nodeId, NodeRole role, AvailabilityZone zone) {
}

package io.streamplane.core.cluster;

/**
 * An availability zone of a cluster, reached through the client subnet the user named for it.
 *
 * @param name e.g. {@code us-east-1a}
 * @param id   e.g. {@code use1-az1}; brokers use it as {@code broker.rack}
 */
public record AvailabilityZone(String name, String id, String subnet) {
}

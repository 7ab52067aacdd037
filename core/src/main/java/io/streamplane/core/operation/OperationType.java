package io.streamplane.core.operation;

/** The kinds of cluster operation, reported as {@code operationType}. */
public enum OperationType {
    CREATE_CLUSTER, DELETE_CLUSTER, UPDATE_CLUSTER_CONFIGURATION, REBOOT_NODE, UPDATE_BROKER_TYPE,
    UPDATE_CLUSTER_KAFKA_VERSION, UPDATE_MONITORING, HEAL_CLUSTER,
    UPDATE_BROKER_COUNT, UPDATE_BROKER_STORAGE
}

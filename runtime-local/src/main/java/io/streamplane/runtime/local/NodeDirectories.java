package io.streamplane.runtime.local;

import java.nio.file.Path;

/** Where a node's files live: {@code clusters/<cluster-uuid>/nodes/<node-id>/{server.properties,data,logs}}. */
public final class NodeDirectories {
    private final Path dataDir;

    public NodeDirectories(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath();
    }

    public Path cluster(String clusterUuid) {
        return dataDir.resolve("clusters").resolve(clusterUuid);
    }

    public Path node(String clusterUuid, int nodeId) {
        return cluster(clusterUuid).resolve("nodes").resolve(Integer.toString(nodeId));
    }

    public Path serverProperties(String clusterUuid, int nodeId) {
        return node(clusterUuid, nodeId).resolve("server.properties");
    }

    public Path log4jConfig(String clusterUuid, int nodeId) {
        return node(clusterUuid, nodeId).resolve("log4j2.properties");
    }

    public Path data(String clusterUuid, int nodeId) {
        return node(clusterUuid, nodeId).resolve("data");
    }

    public Path logs(String clusterUuid, int nodeId) {
        return node(clusterUuid, nodeId).resolve("logs");
    }

    public Path jmxExporterConfig(String clusterUuid, int nodeId) {
        return node(clusterUuid, nodeId).resolve("jmx-exporter.yaml");
    }

    public void deleteCluster(String clusterUuid) {
        DirectoryTrees.delete(cluster(clusterUuid));
    }
}

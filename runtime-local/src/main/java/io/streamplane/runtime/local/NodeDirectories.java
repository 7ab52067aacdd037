package io.streamplane.runtime.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

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

    public void deleteCluster(String clusterUuid) {
        Path root = cluster(clusterUuid);
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }
}

package io.streamplane.testkit;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds the Kafka node processes of a cluster on this machine, by the marker the runtime gives them. */
public final class NodeProcesses {
    private NodeProcesses() {
    }

    public static String clusterUuid(String clusterArn) {
        return clusterArn.substring(clusterArn.lastIndexOf('/') + 1);
    }

    public static Set<Long> pidsOf(String clusterArn) {
        String marker = "-Dstreamplane.node=" + clusterUuid(clusterArn) + "/";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** The process of one node of the cluster, if it runs. */
    public static Optional<ProcessHandle> of(String clusterArn, int nodeId) {
        String marker = "-Dstreamplane.node=" + clusterUuid(clusterArn) + "/" + nodeId;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(marker))
                        .orElse(false))
                .findFirst();
    }

    /**
     * SIGKILL, as a machine or JVM crash would end the nodes: every one is signalled before any is
     * waited for, so several nodes die at once, as a zone's do.
     */
    public static void kill(String clusterArn, int... nodeIds) {
        var processes = Arrays.stream(nodeIds).mapToObj(id -> of(clusterArn, id).orElseThrow(
                () -> new IllegalStateException("Node " + id + " of " + clusterArn + " is not running"))).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(p -> p.onExit().join());
    }

    /** Kills whatever is left of the cluster's nodes: a safety net for tests that failed half-way. */
    public static void killAll(String clusterArn) {
        pidsOf(clusterArn).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
}

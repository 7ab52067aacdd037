package io.streamplane.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds the Kafka Connect worker processes of a connector on this machine, by the runtime's marker. */
public final class ConnectWorkerProcesses {
    private ConnectWorkerProcesses() {
    }

    public static Set<Long> pidsOf(String connectorArn) {
        String marker = "-Dstreamplane.connect.worker=" + connectorArn.substring(connectorArn.lastIndexOf('/') + 1)
                + "/";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** The ports the connector's workers serve their REST API on, read from each one's worker.properties. */
    public static List<Integer> restPorts(String connectorArn) {
        return pidsOf(connectorArn).stream().flatMap(pid -> ProcessHandle.of(pid).stream())
                .flatMap(p -> p.info().arguments().stream())
                .map(arguments -> Path.of(arguments[arguments.length - 1]))
                .map(ConnectWorkerProcesses::listenerPort).toList();
    }

    private static int listenerPort(Path workerProperties) {
        var properties = new Properties();
        try (var reader = Files.newBufferedReader(workerProperties)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String listener = properties.getProperty("listeners");
        return Integer.parseInt(listener.substring(listener.lastIndexOf(':') + 1));
    }

    /** Every Connect worker on this machine, of any connector. */
    public static Set<Long> all() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("-Dstreamplane.connect.worker=")).orElse(false))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** SIGKILL, as a crash would end a worker. */
    public static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    /** Kills whatever is left of the connector's workers: a safety net for tests that failed half-way. */
    public static void killAll(String connectorArn) {
        pidsOf(connectorArn).forEach(ConnectWorkerProcesses::kill);
    }
}

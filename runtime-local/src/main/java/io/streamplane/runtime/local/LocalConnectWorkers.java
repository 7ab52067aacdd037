package io.streamplane.runtime.local;

import io.streamplane.core.connect.ConnectWorker;
import io.streamplane.core.connect.ConnectWorkers;
import io.streamplane.core.node.KafkaRelease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Kafka Connect workers on this machine: each a JVM running the bundled release's
 * {@code ConnectDistributed}, in its own session so that it outlives the server, with its files
 * under {@code <data-dir>/connect/connectors/<connector-uuid>/workers/<index>/} and its REST API
 * on a free port of 127.0.0.1.
 */
public final class LocalConnectWorkers implements ConnectWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(LocalConnectWorkers.class);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    /** The JVM option naming the connector and index a worker process runs for. */
    private static final String WORKER_MARKER = "-Dstreamplane.connect.worker=";
    private final Path root;
    private final KafkaDistributions distributions;
    private final KafkaRelease release;
    private final ConnectRestClient rest = new ConnectRestClient();
    private final String javaExecutable = ProcessHandle.current().info().command().orElse("java");
    private final ClassDataSharing classDataSharing;
    private final Map<String, ConnectRestCredentials> credentials = new ConcurrentHashMap<>();

    /** @param release the Kafka release whose Connect runtime the workers run */
    public LocalConnectWorkers(Path root, KafkaDistributions distributions, KafkaRelease release) {
        this.root = root;
        this.distributions = distributions;
        this.release = release;
        this.classDataSharing = distributions.classDataSharing();
    }

    @Override
    public ConnectWorker start(WorkerLaunchSpec spec) {
        Path directory = workerDirectory(spec.connectorUuid(), spec.index());
        Path logs = logsDirectory(spec.connectorUuid(), spec.index());
        int port = freePort();
        var properties = new LinkedHashMap<>(spec.properties());
        properties.put("listeners", "http://127.0.0.1:" + port);
        properties.put("rest.advertised.host.name", "127.0.0.1");
        properties.put("rest.advertised.port", Integer.toString(port));
        properties.put("plugin.path", spec.pluginLocation().toString());
        properties.put("plugin.discovery", PluginDiscovery.of(spec.pluginLocation()));
        properties.put("rest.extension.classes", ConnectRestCredentials.EXTENSION);
        var credentials = credentials(spec.connectorUuid());
        try {
            Files.createDirectories(logs);
            var text = new StringBuilder("# Written by Streamplane; changes are overwritten.\n");
            properties.forEach((k, v) -> text.append(PropertiesText.line(k, v)));
            // Owner only: the file can hold the Kafka cluster's trust material.
            SecurityDirectory.writeOwnerOnly(directory.resolve("worker.properties"), text.toString());
            Files.writeString(directory.resolve("log4j2.properties"),
                    Log4jConfiguration.forLogFile(logs.resolve("connect.log")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the configuration of worker " + spec.index(), e);
        }
        var command = new ArrayList<>(List.of(javaExecutable, "-Xms" + Math.min(spec.heapMegabytes(), 256) + "m",
                "-Xmx" + spec.heapMegabytes() + "m", "-XX:ActiveProcessorCount=" + spec.processors(),
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"),
                "-Djava.security.auth.login.config=" + credentials.jaasFile(),
                WORKER_MARKER + spec.connectorUuid() + "/" + spec.index()));
        // The plugin's own classes load through Connect's plugin class loaders, not the class path,
        // so every worker of the release shares one archive whatever plugin it runs.
        command.addAll(classDataSharing.optionsFor(release, "connect-worker"));
        command.addAll(List.of("-cp", distributions.classpath(release),
                "org.apache.kafka.connect.cli.ConnectDistributed", directory.resolve("worker.properties").toString()));
        try {
            var started = Processes.startDetached(command, directory, logs.resolve("stdout.log"));
            LOG.info("Started Connect worker {} of connector {} (pid {}, REST port {})", spec.index(),
                    spec.connectorUuid(), started.pid(), port);
            return new ConnectWorker(spec.index(), started.pid(), started.startedAt(), port,
                    spec.connectorUuid());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start worker " + spec.index(), e);
        }
    }

    @Override
    public boolean isRunning(ConnectWorker worker) {
        return Processes.handle(worker.pid(), worker.startedAt()).isPresent();
    }

    @Override
    public void stop(ConnectWorker worker, Duration timeout) {
        Processes.handle(worker.pid(), worker.startedAt()).ifPresent(handle -> stop(handle, timeout));
    }

    private static void stop(ProcessHandle handle, Duration timeout) {
        handle.destroy();
        if (!Processes.awaitExit(handle, timeout) && Thread.currentThread().isInterrupted()) {
            // The server is stopping: the worker hands its tasks over on its own, which killing it
            // would not, and the work that stopped it must not go on as if it had stopped.
            throw new IllegalStateException("The server stopped while Connect worker " + handle.pid()
                    + " was stopping");
        } else if (handle.isAlive()) {
            LOG.warn("Connect worker {} did not stop within {} s; killing it", handle.pid(), timeout.toSeconds());
            handle.destroyForcibly();
            Processes.awaitExit(handle, KILL_TIMEOUT);
        }
    }

    /** Only workers of this installation: their properties file lies under its root. */
    @Override
    public int stopWorkersOtherThan(Map<String, List<ConnectWorker>> recorded, Duration timeout) {
        String ownFiles = root.toAbsolutePath().normalize() + "/";
        var strays = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(process -> {
            var arguments = process.info().arguments().map(List::of).orElse(List.of());
            var marker = arguments.stream().filter(a -> a.startsWith(WORKER_MARKER)).findFirst();
            if (marker.isEmpty() || arguments.stream().noneMatch(a -> a.startsWith(ownFiles))) {
                return false;
            }
            String connectorUuid = marker.get().substring(WORKER_MARKER.length()).split("/", 2)[0];
            return recorded.getOrDefault(connectorUuid, List.of()).stream()
                    .noneMatch(w -> Processes.handle(w.pid(), w.startedAt()).map(h -> h.pid() == process.pid())
                            .orElse(false));
        }).toList();
        strays.forEach(p -> LOG.info("Stopping Connect worker process {} that no connector records", p.pid()));
        strays.parallelStream().forEach(p -> stop(p, timeout));
        return strays.size();
    }

    @Override
    public Optional<Duration> cpuTime(ConnectWorker worker) {
        return Processes.handle(worker.pid(), worker.startedAt()).flatMap(h -> h.info().totalCpuDuration());
    }

    @Override
    public List<Path> logFiles(String connectorUuid, int index) {
        Path logs = logsDirectory(connectorUuid, index);
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + logs, e);
        }
    }

    @Override
    public String logDirectory(String connectorUuid, int index) {
        return logsDirectory(connectorUuid, index).toString();
    }

    @Override
    public void deleteFiles(String connectorUuid) {
        credentials.remove(connectorUuid);
        DirectoryTrees.delete(root.resolve(connectorUuid));
    }

    @Override
    public boolean ready(ConnectWorker worker) {
        return rest.ready(worker.restPort(), authorization(worker));
    }

    @Override
    public void putConnectorConfig(ConnectWorker worker, String connectorName, Map<String, String> configuration) {
        rest.putConnectorConfig(worker.restPort(), authorization(worker), connectorName, configuration);
    }

    @Override
    public Optional<ConnectorStatus> status(ConnectWorker worker, String connectorName) {
        return rest.status(worker.restPort(), authorization(worker), connectorName);
    }

    @Override
    public void control(ConnectWorker worker, String connectorName, ConnectorControl control) {
        rest.control(worker.restPort(), authorization(worker), connectorName, control);
    }

    @Override
    public void deleteConnector(ConnectWorker worker, String connectorName) {
        rest.deleteConnector(worker.restPort(), authorization(worker), connectorName);
    }

    private ConnectRestCredentials credentials(String connectorUuid) {
        return credentials.computeIfAbsent(connectorUuid, uuid -> ConnectRestCredentials.loadOrCreate(root.resolve(uuid)));
    }

    /** A worker recorded before workers had credentials (no connector uuid) serves without them. */
    private Optional<String> authorization(ConnectWorker worker) {
        return Optional.ofNullable(worker.connectorUuid()).map(uuid -> credentials(uuid).authorization());
    }

    private Path workerDirectory(String connectorUuid, int index) {
        return root.resolve(connectorUuid).resolve("workers").resolve(Integer.toString(index));
    }

    private Path logsDirectory(String connectorUuid, int index) {
        return workerDirectory(connectorUuid, index).resolve("logs");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for a Connect worker", e);
        }
    }

}

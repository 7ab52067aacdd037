package io.streamplane.runtime.local;

import io.streamplane.core.node.KafkaRelease;
import io.streamplane.core.node.NodeAddress;
import io.streamplane.core.node.NodeLaunchSpec;
import io.streamplane.core.node.NodeProcess;
import io.streamplane.core.node.NodeRole;
import io.streamplane.core.node.NodeRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs every Kafka node as its own JVM on this machine, on its own loopback address. Nodes are
 * started in a session of their own (setsid), so neither Ctrl-C in the server's terminal nor a
 * crash of the server stops them; the server adopts them again by pid and start time.
 */
public final class LocalNodeRuntime implements NodeRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(LocalNodeRuntime.class);
    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final int RECENT_LOG_LINES = 20;
    /** What a KRaft node's configuration has and no other's. */
    private static final String KRAFT_ROLES = "process.roles";
    private final NodeDirectories directories;
    private final KafkaDistributions distributions;
    private final LoopbackNetwork network;
    private final ClassDataSharing classDataSharing;
    private final PrometheusAgents prometheusAgents;
    private final String javaExecutable;

    public LocalNodeRuntime(Path dataDir, KafkaDistributions distributions, LoopbackNetwork network) {
        this.directories = new NodeDirectories(dataDir);
        this.distributions = distributions;
        this.network = network;
        this.classDataSharing = distributions.classDataSharing();
        this.prometheusAgents = new PrometheusAgents(distributions.agents());
        this.javaExecutable = ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public List<KafkaRelease> availableReleases() {
        return distributions.releases();
    }

    @Override
    public void install(KafkaRelease release) {
        distributions.install(release);
    }

    @Override
    public int reserveNetworkSlot(Set<Integer> taken) {
        return network.reserveSlot(taken);
    }

    @Override
    public NodeAddress addressFor(int networkSlot, NodeRole role, int nodeId) {
        return network.addressFor(networkSlot, role, nodeId);
    }

    @Override
    public void prepare(List<NodeLaunchSpec> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        distributions.install(nodes.get(0).release());
        var configs = new ArrayList<String>();
        for (var node : nodes) {
            writeConfiguration(node);
            // Only KRaft nodes have storage to format: a ZooKeeper-mode broker writes its own at its
            // first start, and a ZooKeeper server has its id file.
            if (node.properties().containsKey(KRAFT_ROLES)) {
                configs.add(directories.serverProperties(node.clusterUuid(), node.nodeId()).toString());
            }
        }
        if (!configs.isEmpty()) {
            format(nodes.get(0), configs);
        }
    }

    /**
     * A Kafka node's data is there when its storage is formatted (meta.properties), a ZooKeeper
     * server's once it has written its database (version-2).
     */
    @Override
    public boolean hasData(String clusterUuid, int nodeId) {
        Path data = directories.data(clusterUuid, nodeId);
        return Files.isRegularFile(data.resolve("meta.properties")) || Files.isDirectory(data.resolve("version-2"));
    }

    @Override
    public long dataBytes(String clusterUuid, int nodeId) {
        Path data = directories.data(clusterUuid, nodeId);
        if (!Files.isDirectory(data)) {
            return 0;
        }
        try (var files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // deleted meanwhile: Kafka rolls and removes segments all the time
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    @Override
    public void reconfigure(List<NodeLaunchSpec> nodes) {
        nodes.forEach(this::writeConfiguration);
    }

    private void writeConfiguration(NodeLaunchSpec node) {
        String uuid = node.clusterUuid();
        int id = node.nodeId();
        try {
            Files.createDirectories(directories.data(uuid, id));
            Files.createDirectories(directories.logs(uuid, id));
            var props = new TreeMap<>(node.properties());
            if (node.role() == NodeRole.ZOOKEEPER) {
                props.put("dataDir", directories.data(uuid, id).toString());
                // A server's id in the ensemble is its node id, as the configuration's server.N lines say.
                Files.writeString(directories.data(uuid, id).resolve("myid"), id + "\n");
            } else {
                props.put("log.dirs", directories.data(uuid, id).toString());
            }
            for (var file : node.files().entrySet()) {
                SecurityDirectory.writeOwnerOnly(directories.node(uuid, id).resolve(file.getKey()), file.getValue());
            }
            String nodeDirectory = directories.node(uuid, id).toString();
            var text = new StringBuilder("# Written by Streamplane; changes are overwritten.\n");
            props.forEach((k, v) -> text.append(PropertiesText.line(k,
                    v.replace(NodeLaunchSpec.NODE_DIRECTORY, nodeDirectory))));
            // Owner only: the file holds the node's private key and the internal password.
            Path properties = directories.serverProperties(uuid, id);
            SecurityDirectory.writeOwnerOnly(properties, text.toString());
            Files.writeString(directories.log4jConfig(uuid, id), Log4jConfiguration.forLogDirectory(
                    directories.logs(uuid, id)));
            Files.writeString(directories.jmxExporterConfig(uuid, id), PrometheusAgents.JMX_EXPORTER_CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the configuration of node " + id, e);
        }
    }

    /** Formats all nodes in one JVM; nodes already formatted are left as they are. */
    private void format(NodeLaunchSpec any, List<String> configs) {
        var command = new ArrayList<String>(List.of(javaExecutable, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Dlog4j2.level=WARN"));
        // No class-data sharing here: recording an archive can fail the JVM's exit status, and a
        // formatter that seems to fail would fail the cluster, for a saving of a fraction of a second.
        command.addAll(List.of("-cp", distributions.classpath(any.release()) + File.pathSeparator
                + ownClasspath(), StorageFormatter.class.getName(), any.kafkaClusterId()));
        command.addAll(configs);
        Path log = directories.cluster(any.clusterUuid()).resolve("format.log");
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Formatting node storage took over " + FORMAT_TIMEOUT.toSeconds()
                        + " s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Formatting node storage failed; see " + log + ": "
                        + lastLines(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the storage formatter", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting node storage", e);
        }
    }

    /** A node configured before nodes kept a lifecycle log counts as started once it runs. */
    @Override
    public boolean hasStarted(String clusterUuid, int nodeId, NodeProcess process) {
        return LifecycleLog.started(directories.logs(clusterUuid, nodeId), process.pid())
                .orElseGet(() -> isRunning(process));
    }

    @Override
    public boolean hasMigratedMetadata(String clusterUuid, int nodeId) {
        return LifecycleLog.migratedMetadata(directories.logs(clusterUuid, nodeId));
    }

    @Override
    public NodeProcess start(NodeLaunchSpec node) {
        distributions.install(node.release());
        String uuid = node.clusterUuid();
        int id = node.nodeId();
        var command = new ArrayList<String>(List.of(javaExecutable,
                "-Xms" + Math.min(node.heapMegabytes(), 256) + "m", "-Xmx" + node.heapMegabytes() + "m",
                // Start-up time is CPU-bound on small machines (six JVMs at once): the client
                // compiler and the serial collector start a node with far less CPU than C2 and G1.
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + directories.log4jConfig(uuid, id),
                "-Dkafka.logs.dir=" + directories.logs(uuid, id),
                nodeMarker(uuid, id)));
        if (node.exporters().isEmpty()) {
            // An agent's jar joins the class path, which no longer matches an archive's: sharing would
            // be refused, or, when recording, would leave an archive no other node can use.
            command.addAll(classDataSharing.optionsFor(node.release(), node.role().name().toLowerCase()));
        } else {
            command.addAll(prometheusAgents.jvmOptions(node, directories.jmxExporterConfig(uuid, id),
                    directories.data(uuid, id)));
        }
        command.addAll(List.of(
                "-cp", distributions.classpath(node.release()),
                mainClass(node.role()), directories.serverProperties(uuid, id).toString()));
        try {
            var started = Processes.startDetached(command, directories.node(uuid, id),
                    directories.logs(uuid, id).resolve("stdout.log"));
            return new NodeProcess(started.pid(), started.startedAt());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node " + id, e);
        }
    }

    /** A ZooKeeper server runs ZooKeeper's own main class, from the jars the Kafka release ships with. */
    private static String mainClass(NodeRole role) {
        return role == NodeRole.ZOOKEEPER ? "org.apache.zookeeper.server.quorum.QuorumPeerMain" : "kafka.Kafka";
    }

    @Override
    public Optional<NodeProcess> findRunning(String clusterUuid, int nodeId) {
        String marker = nodeMarker(clusterUuid, nodeId);
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(marker))
                        .orElse(false))
                .filter(ProcessHandle::isAlive)
                .findFirst()
                .flatMap(p -> p.info().startInstant().map(start -> new NodeProcess(p.pid(), start)));
    }

    /** The JVM option that names the node a process runs; also how an operator tells the JVMs apart. */
    private static String nodeMarker(String clusterUuid, int nodeId) {
        return "-Dstreamplane.node=" + clusterUuid + "/" + nodeId;
    }

    @Override
    public boolean isRunning(NodeProcess process) {
        return Processes.handle(process.pid(), process.startedAt()).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public void stop(NodeProcess process, Duration timeout) {
        var handle = Processes.handle(process.pid(), process.startedAt());
        if (handle.isEmpty()) {
            return;
        }
        var node = handle.get();
        node.destroy();
        if (!Processes.awaitExit(node, timeout) && Thread.currentThread().isInterrupted()) {
            // The server is stopping: the node shuts down cleanly on its own, which killing it would
            // not, and the step that stopped it must not go on as if it had stopped.
            throw new IllegalStateException("The server stopped while node process " + process.pid()
                    + " was stopping");
        } else if (node.isAlive()) {
            LOG.warn("Node process {} did not stop within {} s; killing it", process.pid(), timeout.toSeconds());
            node.destroyForcibly();
            Processes.awaitExit(node, KILL_TIMEOUT);
        }
    }

    @Override
    public String logLocation(String clusterUuid, int nodeId) {
        return directories.logs(clusterUuid, nodeId).toString();
    }

    /** The JVM's own output (a bad option, a crash) and then the broker's log. */
    @Override
    public String recentLog(String clusterUuid, int nodeId) {
        var logs = directories.logs(clusterUuid, nodeId);
        var lines = new ArrayList<String>();
        for (String file : List.of("stdout.log", "server.log")) {
            var tail = LogTail.of(logs.resolve(file), RECENT_LOG_LINES);
            if (!tail.isEmpty()) {
                lines.add("--- " + file);
                lines.addAll(tail);
            }
        }
        return String.join("\n", lines);
    }

    @Override
    public void deleteNodeFiles(String clusterUuid, int nodeId) {
        DirectoryTrees.delete(directories.node(clusterUuid, nodeId));
    }

    @Override
    public void deleteClusterFiles(String clusterUuid) {
        directories.deleteCluster(clusterUuid);
    }


    private static Path ownClasspath() {
        try {
            return Path.of(StorageFormatter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the runtime's own classes", e);
        }
    }

    /** The lines that say what went wrong, or the last lines when none says so plainly. */
    private static String lastLines(Path log) {
        try {
            var lines = Files.readAllLines(log).stream().filter(l -> !l.contains("[warning]")).toList();
            var errors = lines.stream().filter(l -> l.contains("rror") || l.contains("xception")).limit(5).toList();
            var shown = errors.isEmpty() ? lines.subList(Math.max(0, lines.size() - 5), lines.size()) : errors;
            return String.join(" | ", shown);
        } catch (IOException e) {
            return "(log unreadable)";
        }
    }
}

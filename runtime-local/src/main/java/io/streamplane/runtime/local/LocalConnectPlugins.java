package io.streamplane.runtime.local;

import io.streamplane.core.connect.ConnectPlugins;
import io.streamplane.core.connect.ConnectorClass;
import io.streamplane.core.connect.PluginContentType;
import io.streamplane.core.node.KafkaRelease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Custom plugins on this machine: each under {@code <data-dir>/connect/plugins/<plugin-id>/}, the
 * downloaded file beside the plugin location workers load ({@code plugin/}: a JAR copied in, a
 * ZIP unpacked). What a plugin offers is asked of Kafka Connect itself, with its
 * {@code connect-plugin-path list} tool (KIP-898) from the bundled release.
 */
public final class LocalConnectPlugins implements ConnectPlugins {
    private static final Duration INSPECTION_TIMEOUT = Duration.ofMinutes(2);
    private static final String TOOL = "org.apache.kafka.tools.ConnectPluginPath";
    private final Path root;
    private final KafkaDistributions distributions;
    private final KafkaRelease release;
    private final String javaExecutable = ProcessHandle.current().info().command().orElse("java");
    private final ClassDataSharing classDataSharing;

    /** @param release the Kafka release whose Connect runtime loads the plugins */
    public LocalConnectPlugins(Path root, KafkaDistributions distributions, KafkaRelease release) {
        this.root = root;
        this.distributions = distributions;
        this.release = release;
        this.classDataSharing = distributions.classDataSharing();
    }

    @Override
    public Path downloadTarget(String pluginId) {
        return directory(pluginId).resolve("download");
    }

    @Override
    public Path location(String pluginId) {
        return directory(pluginId).resolve("plugin");
    }

    @Override
    public List<ConnectorClass> install(String pluginId, PluginContentType type) {
        Path file = downloadTarget(pluginId);
        Path location = location(pluginId);
        try {
            DirectoryTrees.delete(location);
            Files.createDirectories(location);
            checkArchive(file, type);
            if (type == PluginContentType.JAR) {
                Files.copy(file, location.resolve("plugin.jar"), StandardCopyOption.REPLACE_EXISTING);
            } else {
                PluginArchive.unpack(file, location, PluginArchive.LIMITS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install the plugin in " + location, e);
        }
        return connectorsIn(location);
    }

    @Override
    public void uninstall(String pluginId) {
        DirectoryTrees.delete(directory(pluginId));
    }

    private Path directory(String pluginId) {
        return root.resolve(pluginId);
    }

    private static void checkArchive(Path file, PluginContentType type) throws IOException {
        try (var zip = new ZipFile(file.toFile())) {
            if (!zip.entries().hasMoreElements()) {
                throw new IllegalArgumentException("The " + type + " file is empty");
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException("The plugin is not a readable " + type + " file: " + e.getMessage());
        }
    }

    /** Asks Kafka Connect which source and sink connectors it can load from the location. */
    private List<ConnectorClass> connectorsIn(Path location) {
        Path output = location.getParent().resolve("inspection.txt");
        var command = new ArrayList<>(List.of(javaExecutable, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Dlog4j2.level=ERROR"));
        command.addAll(classDataSharing.optionsFor(release, "connect-plugin-path"));
        command.addAll(List.of("-cp", distributions.classpath(release), TOOL, "list", "--plugin-location",
                location.toString()));
        try {
            var process = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(INSPECTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Kafka Connect took over " + INSPECTION_TIMEOUT.toSeconds()
                        + " s to list the plugin's connectors");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Kafka Connect could not list the plugin's connectors (exit "
                        + process.exitValue() + ")");
            }
            var listing = Files.readAllLines(output);
            PluginDiscovery.record(location, PluginDiscovery.modeFor(listing));
            return parse(listing);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run Kafka Connect's plugin listing", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing the plugin's connectors", e);
        }
    }

    /**
     * Reads the tool's table: {@code pluginName firstAlias secondAlias pluginVersion pluginType
     * isLoadable hasManifest pluginLocation}, tab-separated; only loadable sources and sinks count.
     */
    static List<ConnectorClass> parse(List<String> lines) {
        var connectors = new LinkedHashMap<String, ConnectorClass>();
        for (String line : lines) {
            String[] columns = line.split("\t");
            if (columns.length < 6 || columns[0].equals("pluginName")) {
                continue;
            }
            boolean connector = columns[4].equals("source") || columns[4].equals("sink");
            if (connector && columns[5].equals("true")) {
                connectors.putIfAbsent(columns[0], new ConnectorClass(columns[0], columns[4], columns[3]));
            }
        }
        return List.copyOf(connectors.values());
    }
}

package io.streamplane.runtime.local;

import io.streamplane.core.node.KafkaRelease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Application class-data sharing for the JVMs that run a Kafka release (nodes, Connect workers and
 * Connect's plugin listing): the first JVM of each release and program writes an archive of the
 * classes it loaded when it exits cleanly, and later ones map that archive instead of loading and
 * verifying the same classes again, which makes them start with less CPU. A missing, stale or
 * unusable archive only costs that saving: the JVM then loads classes as usual.
 *
 * <p>Servers that share the directory may record the same archive at once. That is safe because
 * of how the JVM writes one: it unlinks the old file before creating the new (a JVM that mapped the
 * old keeps its copy), and writes the header, with its magic number, last, so a JVM that opens an
 * archive still being written finds it invalid and runs without sharing.
 */
final class ClassDataSharing {
    private final Path directory;
    private final KafkaDistributions distributions;
    private final Set<String> recording = ConcurrentHashMap.newKeySet();

    ClassDataSharing(Path directory, KafkaDistributions distributions) {
        this.directory = directory;
        this.distributions = distributions;
    }

    /**
     * Options for a JVM whose class path is exactly the release's jars (the JVM refuses to archive a
     * class path with a directory in it).
     *
     * @param program what the JVM runs, e.g. {@code broker}; each program has its own archive
     */
    List<String> optionsFor(KafkaRelease release, String program) {
        String key = release.apacheVersion() + "-" + program + "-" + distributions.fingerprint(release);
        Path archive = directory.resolve(key + ".jsa");
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        if (!recording.add(key)) {
            return List.of(); // another node is already recording this archive
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
        return List.of("-XX:ArchiveClassesAtExit=" + archive);
    }
}

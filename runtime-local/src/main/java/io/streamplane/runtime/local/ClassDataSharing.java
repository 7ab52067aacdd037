package io.streamplane.runtime.local;

import io.streamplane.core.port.KafkaRelease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Application class-data sharing for Kafka JVMs: the first JVM of each release and program writes an
 * archive of the classes it loaded when it exits cleanly, and later nodes map that archive instead
 * of loading and verifying the same classes again, which makes them start with less CPU. A missing,
 * stale or unusable archive only costs that saving: the JVM then loads classes as usual.
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
     * @param program        what the JVM runs, e.g. {@code broker}; each program has its own archive
     * @param extraClasspath entries the JVM's class path has besides the release's jars
     */
    List<String> optionsFor(KafkaRelease release, String program, List<Path> extraClasspath) {
        if (extraClasspath.stream().anyMatch(Files::isDirectory)) {
            // The JVM refuses to archive, and fails, when its class path has a directory in it
            // (as when Streamplane itself runs from compiled classes rather than jars).
            return List.of();
        }
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

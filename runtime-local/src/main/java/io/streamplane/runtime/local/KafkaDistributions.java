package io.streamplane.runtime.local;

import io.streamplane.core.kafka.KafkaVersionCatalog;
import io.streamplane.core.port.KafkaRelease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Apache Kafka distributions on this machine: directories {@code VERSION/libs} holding the
 * broker's jars, laid out at build time for the bundled version.
 */
public final class KafkaDistributions {
    private final Path root;

    public KafkaDistributions(Path root) {
        this.root = root;
    }

    public List<KafkaRelease> releases() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("libs")) && hasBroker(d.resolve("libs")))
                    .map(d -> new KafkaRelease(d.getFileName().toString()))
                    .sorted(KafkaVersionCatalog.VERSION_ORDER.reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list Kafka distributions in " + root, e);
        }
    }

    /** The classpath that runs the release: every jar of its libs directory. */
    public String classpath(KafkaRelease release) {
        return libs(release) + "/*";
    }

    /**
     * Changes whenever any jar of the release changes (name, size or time), so that caches built from
     * the jars, such as class-data archives, are never used with other jars than their own.
     */
    public String fingerprint(KafkaRelease release) {
        try (Stream<Path> jars = Files.list(libs(release))) {
            int hash = jars.sorted().map(j -> {
                try {
                    return j.getFileName() + ":" + Files.size(j) + ":" + Files.getLastModifiedTime(j).toMillis();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList().hashCode();
            return Integer.toHexString(hash);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + libs(release), e);
        }
    }

    private Path libs(KafkaRelease release) {
        return root.resolve(release.apacheVersion()).resolve("libs").toAbsolutePath();
    }

    private static boolean hasBroker(Path libs) {
        try (Stream<Path> jars = Files.list(libs)) {
            return jars.anyMatch(j -> j.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }
}

package io.streamplane.runtime.local;

import io.streamplane.core.kafka.KafkaVersionCatalog;
import io.streamplane.core.node.KafkaRelease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Apache Kafka releases this server offers. One is bundled, laid out at build time as
 * {@code VERSION/libs}; the others, one per minor line from 3.6 on, are fetched from a Maven
 * repository the first time a cluster needs them and kept in a cache directory of the same layout.
 */
public final class KafkaDistributions {
    /**
     * The newest patch release of each line that MSK's versions and Streamplane's own name (3.6 has
     * only 3.6.0 at MSK); a bundled release of the same line takes its place.
     */
    static final List<String> FETCHABLE = List.of("3.6.0", "3.7.2", "3.8.1", "3.9.2", "4.0.2", "4.1.2", "4.2.2",
            "4.3.1", "4.4.0");
    private static final Logger LOG = LoggerFactory.getLogger(KafkaDistributions.class);

    private final Path bundled;
    private final Path cache;
    private final MavenReleaseFetcher fetcher;
    private final Map<String, Object> fetchLocks = new ConcurrentHashMap<>();
    private final ClassDataSharing classDataSharing;

    /**
     * @param bundled         directory of the releases laid out at build time
     * @param cache           where fetched releases are kept, shared by every cluster
     * @param mavenRepository the Maven repository releases are fetched from
     */
    public KafkaDistributions(Path bundled, Path cache, String mavenRepository) {
        this.bundled = bundled.toAbsolutePath();
        this.cache = cache.toAbsolutePath();
        this.fetcher = new MavenReleaseFetcher(this.cache.resolve("repository"), mavenRepository);
        this.classDataSharing = new ClassDataSharing(this.cache.resolve("cds"), this);
    }

    public static String defaultMavenRepository() {
        return MavenReleaseFetcher.MAVEN_CENTRAL;
    }

    /** Every release offered, newest first: the bundled ones and, for the other lines, fetchable ones. */
    public List<KafkaRelease> releases() {
        var byLine = new LinkedHashMap<String, KafkaRelease>();
        installedIn(bundled).forEach(r -> byLine.put(r.line(), r));
        FETCHABLE.stream().map(KafkaRelease::new).forEach(r -> byLine.putIfAbsent(r.line(), r));
        return byLine.values().stream().sorted(KafkaVersionCatalog.VERSION_ORDER.reversed()).toList();
    }

    /** The releases bundled with the server: those that run without a download. */
    public List<KafkaRelease> bundledReleases() {
        return installedIn(bundled);
    }

    public boolean isInstalled(KafkaRelease release) {
        return hasBroker(libsIn(bundled, release)) || hasBroker(libsIn(cache, release));
    }

    /**
     * Makes the release runnable: fetches its jars on first use. Callers for the same release wait
     * for one another, so a release is fetched once even when several clusters ask at the same time;
     * nodes of releases already here never wait for a download.
     */
    public void install(KafkaRelease release) {
        if (isInstalled(release)) {
            return;
        }
        synchronized (fetchLocks.computeIfAbsent(release.apacheVersion(), v -> new Object())) {
            if (!isInstalled(release)) {
                fetch(release);
            }
        }
    }

    private void fetch(KafkaRelease release) {
        LOG.info("Fetching Apache Kafka {} from {}", release.apacheVersion(), fetcher.remoteUrl());
        List<Path> jars;
        try {
            jars = fetcher.fetch(release.apacheVersion());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot fetch Apache Kafka " + release.apacheVersion() + " from "
                    + fetcher.remoteUrl() + ": " + rootMessage(e), e);
        }
        layOut(release, jars);
        LOG.info("Apache Kafka {} is ready in {}", release.apacheVersion(), libsIn(cache, release));
    }

    /** Links the jars into a fresh directory, then moves it into place, so a release is never half there. */
    private void layOut(KafkaRelease release, List<Path> jars) {
        Path partial = cache.resolve(".partial-" + UUID.randomUUID());
        try {
            Files.createDirectories(partial.resolve("libs"));
            for (Path jar : jars) {
                Path target = partial.resolve("libs").resolve(jar.getFileName());
                try {
                    Files.createLink(target, jar);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try {
                Files.move(partial, cache.resolve(release.apacheVersion()), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!isInstalled(release)) {
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lay out Apache Kafka " + release.apacheVersion() + " in " + cache, e);
        } finally {
            DirectoryTrees.delete(partial);
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

    /**
     * The class-data archives of every JVM that runs one of these releases, one set for the nodes,
     * the Connect workers and the plugin listing alike. They live in the release cache, so that
     * servers sharing a cache (several data directories on one machine, the test suite's servers)
     * share the archives.
     */
    ClassDataSharing classDataSharing() {
        return classDataSharing;
    }

    /** The Java agents nodes may run, laid out at build time beside the bundled release. */
    public Path agents() {
        return bundled.resolve("agents");
    }

    private Path libs(KafkaRelease release) {
        Path bundledLibs = libsIn(bundled, release);
        return hasBroker(bundledLibs) ? bundledLibs : libsIn(cache, release);
    }

    private static Path libsIn(Path root, KafkaRelease release) {
        return root.resolve(release.apacheVersion()).resolve("libs");
    }

    private static List<KafkaRelease> installedIn(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> hasBroker(d.resolve("libs")))
                    .map(d -> new KafkaRelease(d.getFileName().toString()))
                    .sorted(KafkaVersionCatalog.VERSION_ORDER.reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list Kafka distributions in " + root, e);
        }
    }

    private static boolean hasBroker(Path libs) {
        if (!Files.isDirectory(libs)) {
            return false;
        }
        try (Stream<Path> jars = Files.list(libs)) {
            return jars.anyMatch(j -> j.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        var messages = new ArrayList<String>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            Optional.ofNullable(t.getMessage()).filter(m -> !messages.contains(m)).ifPresent(messages::add);
        }
        return messages.isEmpty() ? e.getClass().getSimpleName() : messages.get(messages.size() - 1);
    }
}

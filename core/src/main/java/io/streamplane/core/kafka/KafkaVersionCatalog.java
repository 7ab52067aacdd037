package io.streamplane.core.kafka;

import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.node.KafkaRelease;
import io.streamplane.core.node.NodeRuntime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Kafka versions users may name, by MSK's names, and the Apache Kafka release each one runs.
 * A version is offered when this server runs its metadata mode and the runtime has a release of it;
 * the versions MSK no longer supports and that no release here stands for are refused with their
 * end-of-support date.
 */
public final class KafkaVersionCatalog {
    private static final String UNSUPPORTED = "Unsupported KafkaVersion [%s]. Valid values: %s";
    /** The ZooKeeper line whose clusters can move to KRaft in place (Kafka's bridge release, KIP-866). */
    private static final String MIGRATION_LINE = "3.9";

    private final NodeRuntime runtime;
    private final Set<MetadataMode> modes;

    /**
     * @param modes the metadata modes this server runs clusters in
     */
    public KafkaVersionCatalog(NodeRuntime runtime, Set<MetadataMode> modes) {
        this.runtime = runtime;
        this.modes = Set.copyOf(modes);
    }

    /** What ListKafkaVersions lists: every version of the modes this server runs, oldest first. */
    public List<KafkaVersion> listed() {
        return MskKafkaVersions.ALL.stream().filter(v -> modes.contains(v.mode())).toList();
    }

    /** MSK's status of a version: DEPRECATED once MSK has published the end of its support. */
    public static String status(KafkaVersion version) {
        return version.endOfSupport().isPresent() ? "DEPRECATED" : "ACTIVE";
    }

    /** The versions a new cluster may run, oldest first. */
    public List<KafkaVersion> offered() {
        return listed().stream().filter(v -> release(v).isPresent()).toList();
    }

    public Optional<KafkaVersion> find(String name) {
        return MskKafkaVersions.ALL.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The release a cluster of the version runs: the newest one the runtime has of it. */
    public Optional<KafkaRelease> release(KafkaVersion version) {
        return runtime.availableReleases().stream().filter(version::runsOn).max(VERSION_ORDER);
    }

    /** Where a cluster of version {@code name} keeps its metadata. */
    public MetadataMode modeOf(String name) {
        return find(name).map(KafkaVersion::mode).orElseThrow(() -> new IllegalStateException(
                "Kafka version " + name + " is unknown to this server"));
    }

    /** The release that runs an existing cluster of version {@code name}, whatever this server offers today. */
    public KafkaRelease releaseOf(String name) {
        return find(name).flatMap(this::release).orElseThrow(() -> new IllegalStateException(
                "No Apache Kafka release of version " + name + " is available to this server"));
    }

    /**
     * The version a new cluster or an upgrade names, refused with the reason when it cannot run here:
     * unknown to MSK, in a metadata mode this server does not run, or past its support with no release.
     */
    public KafkaVersion requireOffered(String field, String name) {
        var version = requireKnown(field, name);
        if (!modes.contains(version.mode())) {
            throw new InvalidRequest(field, "Kafka version " + name + " keeps its metadata in ZooKeeper, and this "
                    + "server runs KRaft clusters only" + kraftAlternative(version)
                    + "; versions offered: " + names(offered()));
        }
        return version;
    }

    /**
     * A version that some cluster here can run, in any metadata mode: what a configuration may be
     * made for.
     */
    public KafkaVersion requireKnown(String field, String name) {
        var version = find(name).orElseThrow(() -> new InvalidRequest(field,
                UNSUPPORTED.formatted(name, names(offered()))));
        if (release(version).isEmpty()) {
            String why = version.endOfSupport()
                    .map(end -> "Kafka version " + name + " reached the end of its support on " + end
                            + " and is no longer offered")
                    .orElse("Kafka version " + name + " has no Apache Kafka release available to this server");
            throw new InvalidRequest(field, why + ". Valid values: " + names(offered()));
        }
        return version;
    }

    /**
     * Versions a cluster on {@code name} may be upgraded to, oldest first: newer releases offered
     * here in the same metadata mode, then, for a {@code 3.9.x} cluster, the move to KRaft in place.
     */
    public List<String> upgradeTargets(String name) {
        var source = find(name);
        if (source.isEmpty()) {
            return List.of();
        }
        var targets = new ArrayList<>(offered().stream()
                .filter(v -> v.mode() == source.get().mode())
                .filter(v -> compareReleases(v.release(), source.get().release()) > 0)
                .map(KafkaVersion::name)
                .toList());
        kraftMigrationTarget(name).ifPresent(targets::add);
        return List.copyOf(targets);
    }

    /**
     * The KRaft version a ZooKeeper cluster on {@code name} moves to in place, as MSK migrates one:
     * only from the last ZooKeeper line, {@code 3.9.x}, to the same release on KRaft.
     */
    public Optional<String> kraftMigrationTarget(String name) {
        return find(name).filter(v -> v.mode() == MetadataMode.ZOOKEEPER && v.release().equals(MIGRATION_LINE))
                .flatMap(v -> offered().stream().filter(k -> k.mode() == MetadataMode.KRAFT
                        && k.release().equals(v.release())).findFirst())
                .map(KafkaVersion::name);
    }

    private String kraftAlternative(KafkaVersion version) {
        return offered().stream().filter(v -> v.mode() == MetadataMode.KRAFT && v.release().equals(version.release()))
                .findFirst().map(v -> "; " + v.name() + " runs the same Apache Kafka release on KRaft").orElse("");
    }

    private static List<String> names(List<KafkaVersion> versions) {
        return versions.stream().map(KafkaVersion::name).toList();
    }

    /** Apache Kafka releases and lines by number, part by part: {@code 3.9 < 3.9.2 < 4.0.2 < 4.10.0}. */
    public static int compareReleases(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int cmp = Integer.compare(number(x[i]), number(y[i]));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    public static final Comparator<KafkaRelease> VERSION_ORDER =
            (a, b) -> compareReleases(a.apacheVersion(), b.apacheVersion());

    /** A part's number; a part that is not one (the {@code tiered} of {@code 2.8.2.tiered}) counts as none. */
    private static int number(String part) {
        return part.chars().allMatch(Character::isDigit) && !part.isEmpty() ? Integer.parseInt(part) : -1;
    }
}

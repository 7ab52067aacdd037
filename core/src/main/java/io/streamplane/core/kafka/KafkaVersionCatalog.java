package io.streamplane.core.kafka;

import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.node.KafkaRelease;
import io.streamplane.core.node.NodeRuntime;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The Kafka versions users may ask for: those the runtime can actually run, by their MSK names. */
public final class KafkaVersionCatalog {
    private final NodeRuntime runtime;

    public KafkaVersionCatalog(NodeRuntime runtime) {
        this.runtime = runtime;
    }

    public List<KafkaRelease> releases() {
        return runtime.availableReleases();
    }

    public Optional<KafkaRelease> find(String mskVersion) {
        return releases().stream().filter(r -> r.mskVersion().equals(mskVersion)).findFirst();
    }

    public KafkaRelease require(String field, String mskVersion) {
        return find(mskVersion).orElseThrow(() -> new InvalidRequest(field, "Unsupported KafkaVersion [" + mskVersion
                + "]. Valid values: " + releases().stream().map(KafkaRelease::mskVersion).toList()));
    }

    /** Versions a cluster on {@code mskVersion} may be upgraded to: the newer ones this runtime has. */
    public List<String> upgradeTargets(String mskVersion) {
        var source = find(mskVersion);
        if (source.isEmpty()) {
            return List.of();
        }
        return releases().stream()
                .filter(r -> VERSION_ORDER.compare(r, source.get()) > 0)
                .map(KafkaRelease::mskVersion)
                .distinct()
                .toList();
    }

    public static final Comparator<KafkaRelease> VERSION_ORDER = (a, b) -> {
        String[] x = a.apacheVersion().split("\\.");
        String[] y = b.apacheVersion().split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int cmp = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(x.length, y.length);
    };
}

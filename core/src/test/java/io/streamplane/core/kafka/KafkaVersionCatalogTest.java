package io.streamplane.core.kafka;

import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.fakes.FakeNodeRuntime;
import io.streamplane.core.node.KafkaRelease;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MSK's version names, their statuses, the release each one runs and the upgrades between them. */
class KafkaVersionCatalogTest {
    private final FakeNodeRuntime runtime = new FakeNodeRuntime("4.10.0", "4.1.2", "4.1.1", "3.9.2", "3.8.1", "3.7.2",
            "3.6.0");
    private final KafkaVersionCatalog kraftOnly = new KafkaVersionCatalog(runtime, Set.of(MetadataMode.KRAFT));
    private final KafkaVersionCatalog bothModes = new KafkaVersionCatalog(runtime,
            Set.of(MetadataMode.KRAFT, MetadataMode.ZOOKEEPER));

    @Test
    void listsMsksVersionsOfTheModesRun_oldestFirst_deprecatedOnceTheirEndOfSupportIsPublished() {
        assertThat(kraftOnly.listed()).extracting(KafkaVersion::name).containsExactly("3.7.x.kraft", "3.8.x.kraft",
                "3.9.x.kraft", "4.0.x.kraft", "4.1.x.kraft", "4.2.x.kraft", "4.3.x.kraft", "4.4.x.kraft");
        assertThat(bothModes.listed()).extracting(KafkaVersion::name)
                .startsWith("1.1.1", "2.1.0", "2.2.1").contains("2.8.2.tiered", "3.6.0", "3.7.x", "3.8.x", "3.9.x");
        assertThat(bothModes.listed()).filteredOn(v -> KafkaVersionCatalog.status(v).equals("DEPRECATED"))
                .extracting(KafkaVersion::name).endsWith("3.5.1", "3.6.0").doesNotContain("3.7.x", "3.8.x");
        assertThat(KafkaVersionCatalog.status(bothModes.find("3.8.x").orElseThrow())).isEqualTo("ACTIVE");
    }

    @Test
    void aLineRunsItsNewestPatchRelease_andAnExactVersionItsOwnRelease() {
        assertThat(kraftOnly.releaseOf("4.1.x.kraft")).isEqualTo(new KafkaRelease("4.1.2"));
        assertThat(kraftOnly.releaseOf("3.9.x.kraft")).isEqualTo(new KafkaRelease("3.9.2"));
        assertThat(bothModes.releaseOf("3.6.0")).isEqualTo(new KafkaRelease("3.6.0"));
        // 4.10.0 is no patch release of the 4.1 line, and no version names it.
        assertThat(bothModes.find("4.1.x.kraft").orElseThrow().runsOn(new KafkaRelease("4.10.0"))).isFalse();
    }

    @Test
    void versionsWithoutARelease_areNotOffered() {
        assertThat(kraftOnly.offered()).extracting(KafkaVersion::name)
                .containsExactly("3.7.x.kraft", "3.8.x.kraft", "3.9.x.kraft", "4.1.x.kraft");
    }

    @Test
    void anUnknownName_isRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> kraftOnly.requireOffered("kafkaVersion", "9.9.x"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).contains("kafkaVersion"))
                .hasMessage("Unsupported KafkaVersion [9.9.x]. Valid values: [3.7.x.kraft, 3.8.x.kraft, 3.9.x.kraft, "
                        + "4.1.x.kraft]");
    }

    @Test
    void aVersionPastItsSupportWithNoRelease_isRefusedWithItsEndOfSupportDate() {
        assertThatThrownBy(() -> bothModes.requireOffered("kafkaVersion", "2.8.1"))
                .hasMessageStartingWith("Kafka version 2.8.1 reached the end of its support on 2024-09-11");
        assertThatThrownBy(() -> bothModes.requireKnown("kafkaVersions", "3.5.1"))
                .hasMessageContaining("2025-10-23");
    }

    @Test
    void aZooKeeperVersion_onAServerThatRunsOnlyKRaft_isRefusedNamingTheKRaftVersionOfItsRelease() {
        assertThatThrownBy(() -> kraftOnly.requireOffered("kafkaVersion", "3.8.x"))
                .hasMessageContaining("keeps its metadata in ZooKeeper")
                .hasMessageContaining("3.8.x.kraft runs the same Apache Kafka release on KRaft");
        assertThatThrownBy(() -> kraftOnly.requireOffered("kafkaVersion", "3.6.0"))
                .hasMessageNotContaining("runs the same");
        // Configurations name versions; which clusters may use them is the clusters' matter.
        assertThat(kraftOnly.requireKnown("kafkaVersions", "3.8.x").release()).isEqualTo("3.8");
    }

    @Test
    void upgradesGoToNewerReleasesOfTheSameMetadataMode() {
        assertThat(kraftOnly.upgradeTargets("3.7.x.kraft")).containsExactly("3.8.x.kraft", "3.9.x.kraft", "4.1.x.kraft");
        assertThat(kraftOnly.upgradeTargets("4.1.x.kraft")).isEmpty();
        assertThat(bothModes.upgradeTargets("3.6.0")).containsExactly("3.7.x", "3.8.x", "3.9.x");
        assertThat(bothModes.upgradeTargets("2.8.2.tiered")).containsExactly("3.6.0", "3.7.x", "3.8.x", "3.9.x");
        assertThat(kraftOnly.upgradeTargets("no-such-version")).isEmpty();
    }
}

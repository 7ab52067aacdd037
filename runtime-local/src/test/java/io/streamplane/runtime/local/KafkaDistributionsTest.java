package io.streamplane.runtime.local;

import io.streamplane.core.node.KafkaRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaDistributionsTest {
    /** Nothing listens on the discard port of loopback: every fetch fails at once, for real. */
    private static final String UNREACHABLE = "http://127.0.0.1:9/maven2/";

    @Test
    void offersOneReleasePerLine_theBundledOneInPlaceOfTheFetchableOneOfItsLine(@TempDir Path dir) throws Exception {
        Path bundled = dir.resolve("bundled");
        layOutBroker(bundled.resolve("4.1.1/libs"));
        var distributions = new KafkaDistributions(bundled, dir.resolve("cache"), UNREACHABLE);

        assertThat(distributions.releases()).extracting(KafkaRelease::apacheVersion)
                .containsExactly("4.4.0", "4.3.1", "4.2.2", "4.1.1", "4.0.2", "3.9.2", "3.8.1", "3.7.2", "3.6.0");
        assertThat(distributions.bundledReleases()).extracting(KafkaRelease::apacheVersion).containsExactly("4.1.1");
        assertThat(distributions.isInstalled(new KafkaRelease("4.1.1"))).isTrue();
        assertThat(distributions.isInstalled(new KafkaRelease("4.0.2"))).isFalse();
        assertThat(distributions.classpath(new KafkaRelease("4.1.1"))).isEqualTo(bundled.resolve("4.1.1/libs") + "/*");
    }

    @Test
    void aReleaseAlreadyInTheCache_isUsedWithoutFetching(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        layOutBroker(cache.resolve("4.0.2/libs"));
        var distributions = new KafkaDistributions(dir.resolve("bundled"), cache, UNREACHABLE);

        distributions.install(new KafkaRelease("4.0.2"));

        assertThat(distributions.classpath(new KafkaRelease("4.0.2"))).isEqualTo(cache.resolve("4.0.2/libs") + "/*");
    }

    @Test
    void aReleaseThatCannotBeFetched_failsSayingFromWhere_andLeavesNothingBehind(@TempDir Path dir) {
        Path cache = dir.resolve("cache");
        var distributions = new KafkaDistributions(dir.resolve("bundled"), cache, UNREACHABLE);

        assertThatThrownBy(() -> distributions.install(new KafkaRelease("4.0.2")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot fetch Apache Kafka 4.0.2 from " + UNREACHABLE + ": ");
        assertThat(distributions.isInstalled(new KafkaRelease("4.0.2"))).isFalse();
        assertThat(cache.resolve("4.0.2")).doesNotExist();
    }

    private static void layOutBroker(Path libs) throws Exception {
        Files.createDirectories(libs);
        Files.writeString(libs.resolve("kafka_2.13-x.jar"), "");
    }
}

package io.streamplane.runtime.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PluginDiscoveryTest {
    private static final String HEADER =
            "pluginName\tfirstAlias\tsecondAlias\tpluginVersion\tpluginType\tisLoadable\thasManifest\tpluginLocation";
    private static final String SUMMARY = "Total plugins:      \t2";

    @Test
    void aPluginWhoseEveryClassHasAManifest_isLoadedByTheServiceLoaderAlone() {
        var listing = List.of(HEADER,
                "com.acme.OrdersSink\tOrdersSink\tOrders\t1.2\tsink\ttrue\ttrue\t/p",
                "com.acme.JsonConverter\tJsonConverter\tJson\t1.2\tconverter\ttrue\ttrue\t/p", "", SUMMARY);

        assertThat(PluginDiscovery.modeFor(listing)).isEqualTo("service_load");
    }

    @Test
    void oneClassWithoutAManifest_keepsTheScan() {
        var listing = List.of(HEADER,
                "com.acme.OrdersSink\tOrdersSink\tOrders\t1.2\tsink\ttrue\ttrue\t/p",
                "com.acme.Mask\tMask\tnull\t1.2\ttransformation\ttrue\tfalse\t/p", "", SUMMARY);

        assertThat(PluginDiscovery.modeFor(listing)).isEqualTo("hybrid_warn");
    }

    @Test
    void aListingWithNoClass_keepsTheScan() {
        assertThat(PluginDiscovery.modeFor(List.of(HEADER, "", "Total plugins:      \t0"))).isEqualTo("hybrid_warn");
    }

    @Test
    void theModeIsKeptBesideThePlugin_andAPluginWithoutOneIsScanned(@TempDir Path plugins) throws Exception {
        Path recorded = Files.createDirectories(plugins.resolve("a").resolve("plugin"));
        Path older = Files.createDirectories(plugins.resolve("b").resolve("plugin"));

        PluginDiscovery.record(recorded, "service_load");

        assertThat(PluginDiscovery.of(recorded)).isEqualTo("service_load");
        assertThat(PluginDiscovery.of(older)).isEqualTo("hybrid_warn");
    }
}

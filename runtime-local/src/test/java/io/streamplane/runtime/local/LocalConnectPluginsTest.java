package io.streamplane.runtime.local;

import io.streamplane.core.connect.ConnectorClass;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalConnectPluginsTest {
    @Test
    void theListing_keepsLoadableSourcesAndSinksOnly() {
        var lines = List.of(
                "pluginName\tfirstAlias\tsecondAlias\tpluginVersion\tpluginType\tisLoadable\thasManifest\tpluginLocation",
                "com.acme.OrdersSink\tOrdersSink\tOrders\t1.2\tsink\ttrue\ttrue\t/p",
                "com.acme.OrdersSource\tOrdersSource\tOrders\t1.2\tsource\ttrue\tfalse\t/p",
                "com.acme.Broken\tBroken\tnull\tundefined\tsink\tfalse\tfalse\t/p",
                "com.acme.JsonConverter\tJsonConverter\tJson\t1.2\tconverter\ttrue\ttrue\t/p",
                "",
                "Total plugins:      \t4");

        assertThat(LocalConnectPlugins.parse(lines)).containsExactly(
                new ConnectorClass("com.acme.OrdersSink", "sink", "1.2"),
                new ConnectorClass("com.acme.OrdersSource", "source", "1.2"));
    }
}

package io.streamplane.runtime.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How Connect workers find a custom plugin's classes ({@code plugin.discovery}, KIP-898). Scanning
 * every class of a plugin by reflection costs a worker seconds of CPU at each start (about 4 s for
 * a plugin that bundles the AWS SDK); a plugin whose every class declares itself in a
 * {@code META-INF/services} manifest is found by the service loader alone in a fraction of that.
 * A plugin with any class that lacks a manifest keeps Connect's default, which scans, so that no
 * class it offers goes missing.
 */
final class PluginDiscovery {
    static final String SERVICE_LOAD = "service_load";
    static final String SCAN = "hybrid_warn";
    private static final int PLUGIN_TYPE = 4;
    private static final int HAS_MANIFEST = 6;

    private PluginDiscovery() {
    }

    /**
     * The mode for a plugin from the table of {@code connect-plugin-path list}: service loading
     * when it lists at least one class and every class it lists has a manifest.
     */
    static String modeFor(List<String> listing) {
        var rows = listing.stream().map(line -> line.split("\t")).filter(PluginDiscovery::isPluginRow).toList();
        boolean allManifested = !rows.isEmpty() && rows.stream().allMatch(c -> c[HAS_MANIFEST].equals("true"));
        return allManifested ? SERVICE_LOAD : SCAN;
    }

    /** Keeps the mode beside the plugin location, for every worker that loads it later. */
    static void record(Path pluginLocation, String mode) {
        try {
            Files.writeString(markerOf(pluginLocation), mode);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record how workers load the plugin in " + pluginLocation, e);
        }
    }

    /** The recorded mode; scanning for a plugin installed before modes were recorded. */
    static String of(Path pluginLocation) {
        Path marker = markerOf(pluginLocation);
        if (!Files.isRegularFile(marker)) {
            return SCAN;
        }
        try {
            return Files.readString(marker).strip().equals(SERVICE_LOAD) ? SERVICE_LOAD : SCAN;
        } catch (IOException e) {
            return SCAN;
        }
    }

    private static boolean isPluginRow(String[] columns) {
        return columns.length > HAS_MANIFEST && !columns[0].equals("pluginName") && !columns[PLUGIN_TYPE].isBlank();
    }

    private static Path markerOf(Path pluginLocation) {
        return pluginLocation.resolveSibling("plugin.discovery");
    }
}

package io.streamplane.core.connect;

import java.nio.file.Path;
import java.util.List;

/**
 * Where custom plugins are installed for Kafka Connect workers to load, and what Kafka Connect
 * finds in them.
 */
public interface ConnectPlugins {
    /** Where the plugin's file is to be downloaded before {@link #install}. */
    Path downloadTarget(String pluginId);

    /**
     * Lays the downloaded file out as a plugin location (a JAR as it is, a ZIP unpacked) and lists
     * the connectors Kafka Connect can load from it; none if it has none.
     *
     * @throws IllegalArgumentException if the file cannot be laid out (not a ZIP or JAR, entries
     *                                  escaping the plugin's directory), with a message for the user
     */
    List<ConnectorClass> install(String pluginId, PluginContentType type);

    /** The directory workers put on their {@code plugin.path} for this plugin. */
    Path location(String pluginId);

    /** Removes the plugin's files; a plugin that is not installed is fine. */
    void uninstall(String pluginId);
}

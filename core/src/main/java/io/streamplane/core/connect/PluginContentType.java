package io.streamplane.core.connect;

/** How a custom plugin is packaged: one JAR, or a ZIP of JARs (and whatever else they need). */
public enum PluginContentType {
    JAR, ZIP
}

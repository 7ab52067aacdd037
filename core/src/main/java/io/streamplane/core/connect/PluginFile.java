package io.streamplane.core.connect;

/** The plugin file as it was read from S3: its MD5 in hex and its size in bytes. */
public record PluginFile(String md5, long size) {
}

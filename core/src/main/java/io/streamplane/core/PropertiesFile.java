package io.streamplane.core;

import io.streamplane.core.error.InvalidRequest;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Reads properties-file text that a request carried, as Kafka reads its own configuration files. */
public final class PropertiesFile {
    private PropertiesFile() {
    }

    /** The properties by name, values stripped; text that is no properties file is a 400 naming {@code field}. */
    public static Map<String, String> parse(String text, String field) {
        var properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidRequest(field, field + " is not valid properties text: " + e.getMessage());
        }
        var sorted = new TreeMap<String, String>();
        properties.forEach((k, v) -> sorted.put(k.toString(), v.toString().strip()));
        return sorted;
    }
}

package io.streamplane.core;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kafka's own syntax of configuration names: letters, digits, dots, dashes and underscores, as every
 * Kafka, Connect and plugin setting is named. A key outside it cannot be a setting, and written into
 * a properties file it could end its line and start another.
 */
public final class PropertyKeys {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    private PropertyKeys() {
    }

    /** Why {@code key} is no configuration name, or empty when it is one. */
    public static Optional<String> problem(String key) {
        if (KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return Optional.of("'" + printable(key) + "' is not a configuration name (letters, digits, '.', '-' and '_', "
                + "at most 255 characters)");
    }

    /** The key with control and non-ASCII characters shown as escapes, so that a message stays one line. */
    private static String printable(String key) {
        var out = new StringBuilder();
        key.codePoints().limit(100).forEach(c -> {
            if (c >= 0x20 && c < 0x7f) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return key.length() > 100 ? out + "..." : out.toString();
    }
}

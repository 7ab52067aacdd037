package io.streamplane.runtime.local;

/**
 * Writes {@code .properties} lines so that what Kafka reads back is exactly what was written:
 * certificates in PEM span lines, a backslash would otherwise start an escape, and a key holding a
 * line break, '=', ':' or a blank would otherwise end early or start another property.
 */
final class PropertiesText {
    private PropertiesText() {
    }

    /** One {@code key=value} line, both escaped, with its line break. */
    static String line(String key, String value) {
        return escapeKey(key) + "=" + escape(value) + "\n";
    }

    static String escapeKey(String key) {
        var out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '=', ':', ' ', '#', '!' -> out.append('\\').append(c);
                default -> out.append(escape(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    static String escape(String value) {
        var out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                // leading blanks would be dropped by the reader
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

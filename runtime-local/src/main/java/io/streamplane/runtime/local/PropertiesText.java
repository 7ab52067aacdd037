package io.streamplane.runtime.local;

/**
 * Escapes a value for a {@code .properties} file, so that what Kafka reads back is exactly the
 * value: certificates in PEM span lines, and a backslash would otherwise start an escape.
 */
final class PropertiesText {
    private PropertiesText() {
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

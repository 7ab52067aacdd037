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
        return escape(key, true) + "=" + escape(value, false) + "\n";
    }

    /**
     * In a key, '=', ':' and every blank would end it; in a value only a leading blank is lost. '#'
     * and '!' are escaped in keys too, where they could start a line and make it a comment.
     */
    private static String escape(String text, boolean key) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                case '=', ':', '#', '!' -> {
                    if (key) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

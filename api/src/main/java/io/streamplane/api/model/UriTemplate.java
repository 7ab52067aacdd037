package io.streamplane.api.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request URI template of the service model, such as {@code /v1/clusters/{clusterArn}/nodes}.
 * Each label matches one raw path segment and is percent-decoded only after matching, because
 * ARNs arrive with their slashes encoded as {@code %2F}.
 */
public final class UriTemplate {
    private final String template;
    private final List<String> segments;

    public UriTemplate(String template) {
        this.template = template;
        this.segments = split(template);
    }

    /** The decoded label values if the raw path matches, keyed by label name. */
    public Optional<Map<String, String>> match(String rawPath) {
        var parts = split(rawPath);
        if (parts.size() != segments.size()) {
            return Optional.empty();
        }
        var labels = new LinkedHashMap<String, String>();
        for (int i = 0; i < parts.size(); i++) {
            String expected = segments.get(i);
            if (isLabel(expected)) {
                labels.put(expected.substring(1, expected.length() - 1), decode(parts.get(i)));
            } else if (!expected.equals(parts.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(labels);
    }

    /** Templates with more literal segments win over those that would match the same path by a label. */
    public int literalSegments() {
        return (int) segments.stream().filter(s -> !isLabel(s)).count();
    }

    @Override
    public String toString() {
        return template;
    }

    private static boolean isLabel(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }

    private static String decode(String segment) {
        // '+' is literal in a path: protect it from URLDecoder, which is made for form data.
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

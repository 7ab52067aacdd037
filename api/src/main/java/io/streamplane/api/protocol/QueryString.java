package io.streamplane.api.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses a raw query string into decoded names and their values, keeping repeated keys. */
public final class QueryString {
    private QueryString() {
    }

    public static Map<String, List<String>> parse(String rawQuery) {
        var params = new LinkedHashMap<String, List<String>>();
        for (var pair : pairs(rawQuery)) {
            params.computeIfAbsent(pair.getKey(), k -> new ArrayList<>()).add(pair.getValue());
        }
        return params;
    }

    public static List<Map.Entry<String, String>> pairs(String rawQuery) {
        var pairs = new ArrayList<Map.Entry<String, String>>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(Map.entry(decode(name), decode(value)));
        }
        return pairs;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(AwsError.badRequest(null, "Malformed query string parameter: " + s));
        }
    }
}

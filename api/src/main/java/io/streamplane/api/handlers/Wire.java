package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.core.Page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Small helpers for reading inputs and writing outputs in the wire format. */
final class Wire {
    /** ISO-8601 with milliseconds and Z, as MSK writes its timestamps. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Wire() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static Optional<String> text(JsonNode input, String name) {
        JsonNode value = input.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    static Optional<Integer> integer(JsonNode input, String name) {
        JsonNode value = input.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asInt());
    }

    static Map<String, String> stringMap(JsonNode input, String name) {
        var map = new LinkedHashMap<String, String>();
        JsonNode value = input.get(name);
        if (value != null) {
            value.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    /** A page of a listing: the items under {@code listName}, and {@code nextToken} when there is more. */
    static <T> ObjectNode page(String listName, Page<T> page, Function<T, JsonNode> item) {
        var out = object();
        var list = out.putArray(listName);
        page.items().forEach(i -> list.add(item.apply(i)));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    static ObjectNode tags(Map<String, String> tags) {
        var node = object();
        tags.forEach(node::put);
        return node;
    }
}

package io.streamplane.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.streamplane.api.model.ServiceModel;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks an input against its shape in the service model: required members, JSON types, enums,
 * lengths, ranges and patterns. SDKs check little of this, so the server checks all of it, and
 * names the offending member by its path of wire names.
 */
public final class InputValidator {
    private final ServiceModel model;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public InputValidator(ServiceModel model) {
        this.model = model;
    }

    public void validate(String shapeName, JsonNode value) {
        validate(shapeName, value, "");
    }

    private void validate(String shapeName, JsonNode value, String path) {
        validate(shapeName, value, path, TextRules.Place.MEMBER);
    }

    private void validate(String shapeName, JsonNode value, String path, TextRules.Place place) {
        JsonNode shape = model.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" -> structure(shape, value, path);
            case "list" -> list(shape, value, path);
            case "map" -> map(shape, value, path);
            case "string" -> string(shapeName, shape, value, path, place);
            case "integer" -> number(shape, value, path, true, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "long" -> number(shape, value, path, true, Long.MIN_VALUE, Long.MAX_VALUE);
            case "double" -> number(shape, value, path, false, Long.MIN_VALUE, Long.MAX_VALUE);
            case "boolean" -> require(value.isBoolean(), path, "must be a boolean");
            case "timestamp" -> require(value.isTextual() || value.isNumber(), path, "must be a timestamp");
            case "blob" -> blob(shape, value, path);
            default -> { }
        }
    }

    private void structure(JsonNode shape, JsonNode value, String path) {
        require(value.isObject(), path, "must be a JSON object");
        JsonNode members = shape.path("members");
        for (JsonNode required : shape.path("required")) {
            JsonNode member = members.path(required.asText());
            String wire = wireName(required.asText(), member);
            JsonNode present = value.get(wire);
            if (present == null || present.isNull()) {
                throw invalid(join(path, wire), join(path, wire) + " is required");
            }
        }
        members.properties().forEach(entry -> {
            String wire = wireName(entry.getKey(), entry.getValue());
            JsonNode present = value.get(wire);
            if (present != null && !present.isNull()) {
                validate(entry.getValue().path("shape").asText(), present, join(path, wire));
            }
        });
    }

    private void list(JsonNode shape, JsonNode value, String path) {
        require(value.isArray(), path, "must be a list");
        range(shape, value.size(), path, "items");
        String element = shape.path("member").path("shape").asText();
        for (int i = 0; i < value.size(); i++) {
            validate(element, value.get(i), path + "[" + i + "]");
        }
    }

    private void map(JsonNode shape, JsonNode value, String path) {
        require(value.isObject(), path, "must be a JSON object");
        String keyShape = shape.path("key").path("shape").asText();
        String valueShape = shape.path("value").path("shape").asText();
        value.properties().forEach(e -> {
            // a key is named by its map: the key itself may be what is wrong with it
            string(keyShape, model.shape(keyShape), new TextNode(e.getKey()), path, TextRules.Place.MAP_KEY);
            validate(valueShape, e.getValue(), path + "." + e.getKey(), TextRules.Place.MAP_VALUE);
        });
    }

    private void string(String shapeName, JsonNode shape, JsonNode value, String path, TextRules.Place place) {
        require(value.isTextual(), path, "must be a string");
        String text = value.asText();
        int length = text.codePointCount(0, text.length());
        range(shape, length, path, "characters");
        if (!shape.has("enum")) {
            // the server's own bounds on what the model leaves open
            int max = TextRules.maxLength(shapeName, shape, leafName(path), place);
            require(length <= max, path, "must have at most " + max + " characters, got " + length);
            TextRules.characterViolation(shapeName, shape, leafName(path), place, text)
                    .ifPresent(rule -> require(false, path, rule));
        } else {
            boolean known = false;
            for (JsonNode allowed : shape.get("enum")) {
                known |= allowed.asText().equals(text);
            }
            require(known, path, "must be one of " + shape.get("enum") + ", got '" + text + "'");
        }
        if (shape.has("pattern")) {
            String regex = shape.get("pattern").asText();
            boolean matches = patterns.computeIfAbsent(regex, Pattern::compile).matcher(text).find();
            require(matches, path, "must match the pattern " + regex + ", got '" + text + "'");
        }
    }

    private static void number(JsonNode shape, JsonNode value, String path, boolean integral, long low, long high) {
        require(integral ? value.canConvertToExactIntegral() && value.isNumber() : value.isNumber(), path,
                integral ? "must be a whole number" : "must be a number");
        if (integral) {
            require(value.canConvertToLong() && value.asLong() >= low && value.asLong() <= high, path,
                    "is out of range");
        }
        double number = value.asDouble();
        if (shape.has("min") && number < shape.get("min").asDouble()) {
            throw invalid(path, path + " must be at least " + shape.get("min").asLong() + ", got " + value);
        }
        if (shape.has("max") && number > shape.get("max").asDouble()) {
            throw invalid(path, path + " must be at most " + shape.get("max").asLong() + ", got " + value);
        }
    }

    private static void blob(JsonNode shape, JsonNode value, String path) {
        require(value.isTextual(), path, "must be a base64 string");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw invalid(path, path + " must be valid base64");
        }
        int max = TextRules.maxBlobBytes(shape);
        require(decoded.length <= max, path, "must decode to at most " + max + " bytes, got " + decoded.length);
        if (shape.has("min")) {
            require(decoded.length >= shape.get("min").asInt(), path,
                    "must decode to at least " + shape.get("min").asInt() + " bytes, got " + decoded.length);
        }
    }

    /** The wire name a path ends in: {@code a.b[0]} ends in {@code b}. */
    private static String leafName(String path) {
        String name = path.replaceAll("\\[\\d+]$", "");
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static void range(JsonNode shape, int size, String path, String unit) {
        if (shape.has("min") && size < shape.get("min").asInt()) {
            throw invalid(path, path + " must have at least " + shape.get("min").asInt() + " " + unit
                    + ", got " + size);
        }
        if (shape.has("max") && size > shape.get("max").asInt()) {
            throw invalid(path, path + " must have at most " + shape.get("max").asInt() + " " + unit
                    + ", got " + size);
        }
    }

    private static String wireName(String memberName, JsonNode member) {
        return member.path("locationName").asText(memberName);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static void require(boolean ok, String path, String rule) {
        if (!ok) {
            throw invalid(path, (path.isEmpty() ? "The request" : path) + " " + rule);
        }
    }

    private static ApiException invalid(String path, String message) {
        return new ApiException(AwsError.badRequest(path.isEmpty() ? null : path, message));
    }
}

package io.streamplane.api.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.model.ServiceModel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Gathers an operation's input from URI labels, the query string and the JSON body into one JSON
 * object keyed by wire names, typed as the model says (a query {@code maxResults} becomes a number).
 */
public final class InputReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ServiceModel model;

    public InputReader(ServiceModel model) {
        this.model = model;
    }

    public ObjectNode read(String inputShape, Map<String, String> labels, String rawQuery, byte[] body) {
        ObjectNode bodyJson = parseBody(body);
        var query = QueryString.parse(rawQuery);
        var input = JsonNodeFactory.instance.objectNode();
        var members = model.shape(inputShape).path("members");
        members.properties().forEach(entry -> {
            JsonNode member = entry.getValue();
            String wireName = member.path("locationName").asText(entry.getKey());
            String location = member.path("location").asText("");
            JsonNode target = model.shape(member.path("shape").asText());
            switch (location) {
                case "uri" -> {
                    if (labels.containsKey(wireName)) {
                        input.set(wireName, scalar(wireName, target, labels.get(wireName)));
                    }
                }
                case "querystring" -> {
                    List<String> values = query.get(wireName);
                    if (values != null) {
                        input.set(wireName, queryValue(wireName, target, values));
                    }
                }
                default -> {
                    if (bodyJson.has(wireName) && !bodyJson.get(wireName).isNull()) {
                        input.set(wireName, bodyJson.get(wireName));
                    }
                }
            }
        });
        return input;
    }

    private JsonNode queryValue(String name, JsonNode shape, List<String> values) {
        if ("list".equals(shape.path("type").asText())) {
            var array = JsonNodeFactory.instance.arrayNode();
            JsonNode element = model.shape(shape.path("member").path("shape").asText());
            values.forEach(v -> array.add(scalar(name, element, v)));
            return array;
        }
        return scalar(name, shape, values.get(0));
    }

    /** Converts a label or query value to the JSON type of its shape; the validator checks ranges. */
    private static JsonNode scalar(String name, JsonNode shape, String text) {
        var factory = JsonNodeFactory.instance;
        try {
            return switch (shape.path("type").asText()) {
                case "integer", "long" -> factory.numberNode(Long.parseLong(text));
                case "double" -> factory.numberNode(Double.parseDouble(text));
                case "boolean" -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new NumberFormatException(text);
                    }
                    yield factory.booleanNode(Boolean.parseBoolean(text));
                }
                default -> factory.textNode(text);
            };
        } catch (NumberFormatException e) {
            throw new ApiException(AwsError.badRequest(name, name + " must be a " + shape.path("type").asText()
                    + ", got '" + text + "'"));
        }
    }

    private static ObjectNode parseBody(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode parsed = MAPPER.readTree(text);
            if (parsed instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        throw new ApiException(AwsError.badRequest(null, "Invalid request body: the body must be a JSON object"));
    }
}

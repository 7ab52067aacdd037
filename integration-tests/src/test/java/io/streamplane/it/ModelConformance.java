package io.streamplane.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.api.model.ServiceModel;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a response body against the output shape of the service model, strictly: every member must
 * exist in the shape under its wire name and have the modelled type. SDKs silently drop members they
 * do not know, so a misspelt member would otherwise go unnoticed.
 */
final class ModelConformance {
    private final ServiceModel model;

    ModelConformance(ServiceModel model) {
        this.model = model;
    }

    /** GETs each path and checks that it answers 200 with a body of the output shape it is mapped from. */
    void assertConforms(SignedHttp http, Map<String, String> pathsByShape) throws Exception {
        for (var response : pathsByShape.entrySet()) {
            var reply = http.send("GET", response.getValue(), "", Clock.systemUTC());
            assertThat(reply.statusCode()).as(response.getValue()).isEqualTo(200);
            assertThat(violations(response.getKey(), new ObjectMapper().readTree(reply.body())))
                    .as(response.getKey()).isEmpty();
        }
    }

    List<String> violations(String shapeName, JsonNode value) {
        var found = new ArrayList<String>();
        check(shapeName, value, "$", found);
        return found;
    }

    private void check(String shapeName, JsonNode value, String path, List<String> found) {
        JsonNode shape = model.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure" -> {
                if (!value.isObject()) {
                    found.add(path + " should be an object (" + shapeName + ")");
                    return;
                }
                value.properties().forEach(field -> {
                    JsonNode member = memberByWireName(shape, field.getKey());
                    if (member == null) {
                        found.add(path + "." + field.getKey() + " is not a member of " + shapeName);
                    } else {
                        check(member.path("shape").asText(), field.getValue(), path + "." + field.getKey(), found);
                    }
                });
            }
            case "list" -> {
                if (!value.isArray()) {
                    found.add(path + " should be a list");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(shape.path("member").path("shape").asText(), value.get(i), path + "[" + i + "]", found);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    found.add(path + " should be a map");
                    return;
                }
                value.properties().forEach(e -> check(shape.path("value").path("shape").asText(), e.getValue(),
                        path + "." + e.getKey(), found));
            }
            case "string" -> {
                if (!value.isTextual()) {
                    found.add(path + " should be a string");
                } else if (shape.has("enum") && !contains(shape.get("enum"), value.asText())) {
                    found.add(path + " = " + value.asText() + " is not in " + shape.get("enum"));
                }
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    found.add(path + " should be a whole number");
                }
            }
            case "double" -> {
                if (!value.isNumber()) {
                    found.add(path + " should be a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    found.add(path + " should be a boolean");
                }
            }
            case "timestamp" -> {
                if (!model.targetPrefix().isEmpty()) {
                    // The JSON 1.1 services (Secrets Manager, Private CA) send epoch seconds.
                    if (!value.isNumber()) {
                        found.add(path + " should be epoch seconds, got " + value);
                    }
                    return;
                }
                try {
                    Instant.parse(value.asText());
                } catch (DateTimeParseException e) {
                    found.add(path + " should be an ISO-8601 timestamp, got " + value);
                }
            }
            default -> { }
        }
    }

    private static JsonNode memberByWireName(JsonNode shape, String wireName) {
        for (var member : shape.path("members").properties()) {
            if (member.getValue().path("locationName").asText(member.getKey()).equals(wireName)) {
                return member.getValue();
            }
        }
        return null;
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }
}

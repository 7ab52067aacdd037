package io.streamplane.api.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.core.error.InvalidRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resource policies as the APIs take them: IAM policy documents, kept as written. This server has no
 * IAM to evaluate them with, so they are checked for form only (and, where the caller asks, for a
 * grant to everyone).
 */
final class PolicyDocuments {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyDocuments() {
    }

    /** Why the text is not a policy document, if it is not: JSON, an object, with statements. */
    static Optional<String> problem(String document) {
        JsonNode json;
        try {
            json = MAPPER.readTree(document);
        } catch (JsonProcessingException e) {
            return Optional.of("The policy is not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            return Optional.of("The policy must be a JSON object");
        }
        JsonNode statements = json.path("Statement");
        if (!(statements.isObject() || (statements.isArray() && !statements.isEmpty()))) {
            return Optional.of("The policy must hold a Statement");
        }
        for (JsonNode statement : statements(json)) {
            String effect = statement.path("Effect").asText();
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                return Optional.of("Each statement's Effect must be Allow or Deny, got '" + effect + "'");
            }
        }
        return Optional.empty();
    }

    static void require(String document, String member) {
        problem(document).ifPresent(p -> {
            throw new InvalidRequest(member, p);
        });
    }

    /** Whether a statement allows anyone at all, with no condition to narrow it. */
    static boolean grantsEveryone(String document) {
        try {
            for (JsonNode statement : statements(MAPPER.readTree(document))) {
                JsonNode principal = statement.path("Principal");
                boolean everyone = principal.asText().equals("*") || principal.path("AWS").asText().equals("*")
                        || contains(principal.path("AWS"), "*");
                if (statement.path("Effect").asText().equals("Allow") && everyone && !statement.has("Condition")) {
                    return true;
                }
            }
            return false;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static List<JsonNode> statements(JsonNode json) {
        JsonNode statements = json.path("Statement");
        var list = new ArrayList<JsonNode>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else if (statements.isObject()) {
            list.add(statements);
        }
        return list;
    }

    private static boolean contains(JsonNode array, String value) {
        if (!array.isArray()) {
            return false;
        }
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}

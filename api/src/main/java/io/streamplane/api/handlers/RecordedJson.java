package io.streamplane.api.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads back a member kept as the request's own JSON text (see RecordedSettings). */
final class RecordedJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordedJson() {
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recorded member is not JSON: " + json, e);
        }
    }
}

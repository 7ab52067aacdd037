package io.streamplane.api.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.core.error.InvalidRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Topic {@code configs} as MSK carries them: a JSON object of property names to values, the JSON
 * base64-encoded into a plain string (not a blob, so the caller encodes it).
 */
final class TopicConfigsWire {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MEMBER = "configs";

    private TopicConfigsWire() {
    }

    static Map<String, String> decode(String encoded) {
        JsonNode json;
        try {
            json = MAPPER.readTree(new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new InvalidRequest(MEMBER, "configs must be a JSON object of topic properties, base64-encoded");
        }
        if (json == null || !json.isObject()) {
            throw new InvalidRequest(MEMBER, "configs must be a JSON object of topic properties, base64-encoded");
        }
        var configs = new LinkedHashMap<String, String>();
        json.properties().forEach(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new InvalidRequest(MEMBER, "The value of topic property " + e.getKey()
                        + " in configs must be a string, number or boolean");
            }
            configs.put(e.getKey(), e.getValue().asText());
        });
        return configs;
    }

    /** Values are written as strings, as Kafka reports them, so a caller's own strings read back equal. */
    static String encode(Map<String, String> configs) {
        var json = Wire.object();
        configs.forEach(json::put);
        return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}

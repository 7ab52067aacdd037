package io.streamplane.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.streamplane.core.cluster.ClusterSpec;
import io.streamplane.core.operation.OperationStep;

import java.util.List;
import java.util.Optional;

/** Reads and writes the structured values kept as JSON text in the database. */
final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<OperationStep>> STEPS = new TypeReference<>() { };

    private JsonColumns() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value, e);
        }
    }

    static ClusterSpec spec(String json) {
        return read(json, new TypeReference<>() { });
    }

    static Optional<ClusterSpec> optionalSpec(String json) {
        return json == null ? Optional.empty() : Optional.of(spec(json));
    }

    static List<OperationStep> steps(String json) {
        return read(json, STEPS);
    }

    static List<String> strings(String json) {
        return read(json, new TypeReference<>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt JSON column: " + json, e);
        }
    }
}

package io.streamplane.connect.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON line per record: topic, partition, offset, timestamp, key and value. Keys and values of
 * any converter become JSON: structs and maps objects, lists arrays, bytes base64 strings.
 */
final class RecordFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordFormat() {
    }

    static String line(SinkRecord record) {
        var line = new LinkedHashMap<String, Object>();
        line.put("topic", record.topic());
        line.put("partition", record.kafkaPartition());
        line.put("offset", record.kafkaOffset());
        line.put("timestamp", record.timestamp());
        line.put("key", plain(record.key()));
        line.put("value", plain(record.value()));
        try {
            return MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new DataException("Cannot write record " + record.topic() + "-" + record.kafkaPartition() + "@"
                    + record.kafkaOffset() + " as JSON", e);
        }
    }

    /** The value as plain Java that Jackson writes: what Connect's data types hold, unwrapped. */
    private static Object plain(Object value) {
        if (value instanceof Struct struct) {
            var map = new LinkedHashMap<String, Object>();
            for (Field field : struct.schema().fields()) {
                map.put(field.name(), plain(struct.get(field)));
            }
            return map;
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            var bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value;
    }
}

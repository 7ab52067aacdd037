package io.streamplane.connect.s3;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecordFormatTest {
    @Test
    void aStructValue_becomesAJsonObject_withTheRecordsCoordinates() {
        var schema = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("name", Schema.STRING_SCHEMA)
                .build();
        var record = new SinkRecord("customers", 1, Schema.STRING_SCHEMA, "k1", schema,
                new Struct(schema).put("id", 7).put("name", "Ada"), 42, 1700000000000L, null);

        assertThat(RecordFormat.line(record)).isEqualTo("{\"topic\":\"customers\",\"partition\":1,\"offset\":42,"
                + "\"timestamp\":1700000000000,\"key\":\"k1\",\"value\":{\"id\":7,\"name\":\"Ada\"}}");
    }

    @Test
    void schemalessMapsListsAndBytes_becomeJson_andNullsStayNull() {
        var record = new SinkRecord("t", 0, null, null, null,
                Map.of("tags", List.of("a", "b"), "raw", new byte[] {1, 2}), 5);

        assertThat(RecordFormat.line(record)).contains("\"key\":null").contains("\"tags\":[\"a\",\"b\"]")
                .contains("\"raw\":\"AQI=\"");
    }
}

package io.streamplane.connect.s3;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectKeysTest {
    @Test
    void keys_nameTopicPartitionAndStartingOffset_andSortByOffset() {
        var keys = new ObjectKeys("raw", true);

        String key = keys.key("orders", 2, 1234);

        assertThat(key).isEqualTo("raw/orders/partition=2/orders+2+00000000000000001234.jsonl.gz");
        assertThat(keys.startOffset(key)).contains(1234L);
        assertThat(keys.key("orders", 2, 99)).isLessThan(keys.key("orders", 2, 100));
    }

    @Test
    void otherKeys_haveNoStartingOffset() {
        var keys = new ObjectKeys("", false);

        assertThat(keys.partitionPrefix("orders", 0)).isEqualTo("orders/partition=0/");
        assertThat(keys.startOffset("orders/partition=0/notes.txt")).isEmpty();
        assertThat(keys.startOffset("orders/partition=0/orders+0+x.jsonl")).isEmpty();
    }
}

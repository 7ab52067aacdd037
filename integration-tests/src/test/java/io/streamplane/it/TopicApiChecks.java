package io.streamplane.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.testkit.KafkaTool;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.TopicPartitionInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MSK's topic operations answer, set against what Kafka's own {@code kafka-topics --describe}
 * prints for the same topic: the tool is the reference a Kafka user trusts.
 */
final class TopicApiChecks {
    private static final Pattern PARTITION_LINE = Pattern.compile(
            "Partition: (\\d+)\\s+Leader: (-?\\d+|none)\\s+Replicas: ([\\d,]*)\\s+Isr: ([\\d,]*)");
    private static final Pattern SUMMARY_LINE = Pattern.compile(
            "PartitionCount: (\\d+)\\s+ReplicationFactor: (\\d+)\\s+Configs: ?(\\S*)");

    private TopicApiChecks() {
    }

    /** {@code configs} as MSK carries them: base64 of a JSON object of property names to string values. */
    static String encode(Map<String, String> configs) {
        String json = configs.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> decode(String configs) {
        try {
            var json = new ObjectMapper().readTree(Base64.getDecoder().decode(configs));
            var map = new LinkedHashMap<String, String>();
            json.properties().forEach(e -> {
                assertThat(e.getValue().isTextual()).as("configs values are strings, as Kafka reports them: "
                        + e.getKey()).isTrue();
                map.put(e.getKey(), e.getValue().asText());
            });
            return map;
        } catch (IOException e) {
            throw new AssertionError("configs is not base64 JSON: " + configs, e);
        }
    }

    /**
     * Checks DescribeTopic and DescribeTopicPartitions (read in pages of two) against the tool: the
     * same partition count and replication factor, every partition's leader, replicas and ISR, and
     * every property the topic sets with the value the API reports. Returns the API's configs.
     */
    static Map<String, String> matchesKafkaTopicsDescribe(KafkaClient kafka, String clusterArn, String bootstrap,
            String topic) {
        String printed = KafkaTool.run(KafkaTool.TOPICS, "--bootstrap-server", bootstrap, "--describe", "--topic",
                topic).requireSuccess().output();
        var summary = SUMMARY_LINE.matcher(printed);
        assertThat(summary.find()).as(printed).isTrue();

        var described = kafka.describeTopic(r -> r.clusterArn(clusterArn).topicName(topic));
        assertThat(described.topicName()).isEqualTo(topic);
        assertThat(described.partitionCount()).isEqualTo(Integer.parseInt(summary.group(1)));
        assertThat(described.replicationFactor()).isEqualTo(Integer.parseInt(summary.group(2)));
        var configs = decode(described.configs());
        if (!summary.group(3).isEmpty()) {
            for (String setting : summary.group(3).split(",")) {
                String[] kv = setting.split("=", 2);
                assertThat(configs).as("what kafka-topics says " + topic + " sets").containsEntry(kv[0], kv[1]);
            }
        }

        var expected = new ArrayList<String>();
        var partitionLines = PARTITION_LINE.matcher(printed);
        while (partitionLines.find()) {
            expected.add(partitionLines.group(1) + " leader " + partitionLines.group(2) + " replicas "
                    + partitionLines.group(3) + " isr " + partitionLines.group(4));
        }
        var partitions = new ArrayList<TopicPartitionInfo>();
        String token = null;
        do {
            String next = token;
            var page = kafka.describeTopicPartitions(r -> r.clusterArn(clusterArn).topicName(topic).maxResults(2)
                    .nextToken(next));
            assertThat(page.partitions().size()).isLessThanOrEqualTo(2);
            partitions.addAll(page.partitions());
            token = page.nextToken();
        } while (token != null);
        assertThat(partitions.stream().map(TopicApiChecks::line).toList()).containsExactlyElementsOf(expected);
        return configs;
    }

    private static String line(TopicPartitionInfo p) {
        return p.partition() + " leader " + (p.leader() == null ? "none" : p.leader()) + " replicas "
                + join(p.replicas()) + " isr " + join(p.isr());
    }

    private static String join(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}

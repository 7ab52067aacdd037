package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.topic.TopicChange;
import io.streamplane.core.topic.TopicService;

import java.util.Map;

/** MSK's topic operations, read and changed live in the cluster. */
public final class TopicHandlers {
    private final TopicService topics;

    public TopicHandlers(TopicService topics) {
        this.topics = topics;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("ListTopics", this::listTopics);
        handlers.put("DescribeTopic", this::describeTopic);
        handlers.put("DescribeTopicPartitions", this::describeTopicPartitions);
        handlers.put("CreateTopic", this::createTopic);
        handlers.put("UpdateTopic", this::updateTopic);
        handlers.put("DeleteTopic", this::deleteTopic);
    }

    JsonNode listTopics(ObjectNode input) {
        var page = topics.list(input.path("clusterArn").asText(), Wire.text(input, "topicNameFilter"),
                Wire.integer(input, "maxResults"), Wire.text(input, "nextToken"));
        return Wire.page("topics", page, t -> Wire.object().put("topicArn", t.arn())
                .put("topicName", t.layout().name())
                .put("replicationFactor", t.layout().replicationFactor())
                .put("partitionCount", t.layout().partitions().size())
                .put("outOfSyncReplicaCount", t.layout().outOfSyncReplicaCount()));
    }

    JsonNode describeTopic(ObjectNode input) {
        var topic = topics.describe(input.path("clusterArn").asText(), input.path("topicName").asText());
        return Wire.object().put("topicArn", topic.arn())
                .put("topicName", topic.layout().name())
                .put("replicationFactor", topic.layout().replicationFactor())
                .put("partitionCount", topic.layout().partitions().size())
                .put("configs", TopicConfigsWire.encode(topic.configs().effective()))
                .put("status", topic.status().name());
    }

    JsonNode describeTopicPartitions(ObjectNode input) {
        var page = topics.partitions(input.path("clusterArn").asText(), input.path("topicName").asText(),
                Wire.integer(input, "maxResults"), Wire.text(input, "nextToken"));
        return Wire.page("partitions", page, p -> {
            var info = Wire.object().put("partition", p.partition());
            p.leader().ifPresent(leader -> info.put("leader", leader));
            var replicas = info.putArray("replicas");
            p.replicas().forEach(replicas::add);
            var isr = info.putArray("isr");
            p.isr().forEach(isr::add);
            return info;
        });
    }

    JsonNode createTopic(ObjectNode input) {
        var configs = Wire.text(input, "configs").map(TopicConfigsWire::decode).orElse(Map.of());
        return changed(topics.create(input.path("clusterArn").asText(), input.path("topicName").asText(),
                input.path("partitionCount").asInt(), input.path("replicationFactor").asInt(), configs));
    }

    JsonNode updateTopic(ObjectNode input) {
        return changed(topics.update(input.path("clusterArn").asText(), input.path("topicName").asText(),
                Wire.text(input, "configs").map(TopicConfigsWire::decode), Wire.integer(input, "partitionCount")));
    }

    JsonNode deleteTopic(ObjectNode input) {
        return changed(topics.delete(input.path("clusterArn").asText(), input.path("topicName").asText()));
    }

    private static JsonNode changed(TopicChange change) {
        return Wire.object().put("topicArn", change.arn()).put("topicName", change.name())
                .put("status", change.status().name());
    }
}

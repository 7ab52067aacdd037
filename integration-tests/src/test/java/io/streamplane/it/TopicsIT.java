package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.KafkaTool;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.NotFoundException;
import software.amazon.awssdk.services.kafka.model.TopicExistsException;
import software.amazon.awssdk.services.kafka.model.TopicInfo;
import software.amazon.awssdk.services.kafka.model.TopicState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MSK's topic operations on a live KRaft cluster, read back through the API and through Kafka's own
 * {@code kafka-topics} tool: what one writes, the other reads.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicsIT extends LiveClusterIT {
    TopicsIT() {
        super("topics", Clusters.KAFKA_VERSION);
    }

    @Test
    @Order(1)
    void createTopic_makesTheTopicKafkaDescribes_withItsConfigsAndMskDefaultsBeside() {
        var created = kafka.createTopic(r -> r.clusterArn(clusterArn).topicName("orders").partitionCount(5)
                .replicationFactor(3).configs(TopicApiChecks.encode(Map.of("cleanup.policy", "compact",
                        "retention.ms", "3600000"))));
        assertThat(created.topicName()).isEqualTo("orders");
        assertThat(created.topicArn()).isEqualTo(clusterArn.replace(":cluster/", ":topic/") + "/orders");
        assertThat(created.status()).isEqualTo(TopicState.ACTIVE);

        var configs = TopicApiChecks.matchesKafkaTopicsDescribe(kafka, clusterArn, bootstrap, "orders");
        assertThat(configs).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "3600000")
                .as("the cluster's own values beside the topic's, as MSK reads them back")
                .containsEntry("min.insync.replicas", "2").containsKey("segment.bytes");
        var described = kafka.describeTopic(r -> r.clusterArn(clusterArn).topicName("orders"));
        assertThat(described.status()).isEqualTo(TopicState.ACTIVE);
        assertThat(described.topicArn()).isEqualTo(created.topicArn());
    }

    @Test
    @Order(2)
    void listTopics_filtersByNamePrefix_andPagesInNameOrder() {
        for (String name : List.of("page-c", "page-a", "page-e", "page-b", "page-d")) {
            kafka.createTopic(r -> r.clusterArn(clusterArn).topicName(name).partitionCount(1).replicationFactor(2));
        }
        var pages = new ArrayList<List<String>>();
        String token = null;
        do {
            String next = token;
            var page = kafka.listTopics(r -> r.clusterArn(clusterArn).topicNameFilter("page-").maxResults(2)
                    .nextToken(next));
            pages.add(page.topics().stream().map(TopicInfo::topicName).toList());
            token = page.nextToken();
        } while (token != null);
        assertThat(pages).containsExactly(List.of("page-a", "page-b"), List.of("page-c", "page-d"), List.of("page-e"));

        var all = kafka.listTopics(r -> r.clusterArn(clusterArn)).topics();
        var listed = KafkaTool.run(KafkaTool.TOPICS, "--bootstrap-server", bootstrap, "--list").requireSuccess()
                .output().lines().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
        assertThat(all).extracting(TopicInfo::topicName).as("what kafka-topics --list lists, internal topics too")
                .containsExactlyElementsOf(listed);
        var ledger = all.stream().filter(t -> t.topicName().equals(TOPIC)).findFirst().orElseThrow();
        assertThat(ledger.partitionCount()).isEqualTo(PARTITIONS);
        assertThat(ledger.replicationFactor()).isEqualTo(3);
        assertThat(ledger.outOfSyncReplicaCount()).isZero();
    }

    @Test
    @Order(3)
    void updateTopic_replacesTheTopicsOwnConfigs_andAddsPartitions() {
        var updated = kafka.updateTopic(r -> r.clusterArn(clusterArn).topicName("orders")
                .configs(TopicApiChecks.encode(Map.of("retention.ms", "7200000"))));
        assertThat(updated.status()).isEqualTo(TopicState.ACTIVE);
        var configs = TopicApiChecks.matchesKafkaTopicsDescribe(kafka, clusterArn, bootstrap, "orders");
        assertThat(configs).containsEntry("retention.ms", "7200000")
                .as("a property the new configs leave out goes back to the cluster's").containsEntry("cleanup.policy",
                        "delete");
        String printed = KafkaTool.run(KafkaTool.TOPICS, "--bootstrap-server", bootstrap, "--describe", "--topic",
                "orders").requireSuccess().output();
        assertThat(printed).as("the topic's own properties and the cluster's that differ from Kafka's")
                .contains("retention.ms=7200000").doesNotContain("cleanup.policy");

        kafka.updateTopic(r -> r.clusterArn(clusterArn).topicName("orders").partitionCount(8));
        TopicApiChecks.matchesKafkaTopicsDescribe(kafka, clusterArn, bootstrap, "orders");
        assertThat(kafka.describeTopic(r -> r.clusterArn(clusterArn).topicName("orders")).partitionCount()).isEqualTo(8);
    }

    @Test
    @Order(4)
    void kafkasRefusals_comeBackAsMsksErrors_namingTheMember() {
        assertThatThrownBy(() -> kafka.createTopic(r -> r.clusterArn(clusterArn).topicName("orders").partitionCount(1)
                .replicationFactor(1))).isInstanceOfSatisfying(TopicExistsException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));
        assertRefused(() -> kafka.createTopic(r -> r.clusterArn(clusterArn).topicName("too-many-replicas")
                .partitionCount(1).replicationFactor(4)), "replicationFactor");
        assertRefused(() -> kafka.createTopic(r -> r.clusterArn(clusterArn).topicName("bad-config").partitionCount(1)
                .replicationFactor(3).configs(TopicApiChecks.encode(Map.of("retention.mss", "1")))), "configs");
        assertRefused(() -> kafka.createTopic(r -> r.clusterArn(clusterArn).topicName("bad-value").partitionCount(1)
                .replicationFactor(3).configs(TopicApiChecks.encode(Map.of("cleanup.policy", "sometimes")))),
                "configs");
        assertRefused(() -> kafka.createTopic(r -> r.clusterArn(clusterArn).topicName("not-base64").partitionCount(1)
                .replicationFactor(3).configs("{\"retention.ms\":\"1\"}")), "configs");
        assertRefused(() -> kafka.createTopic(r -> r.clusterArn(clusterArn).topicName("bad/name").partitionCount(1)
                .replicationFactor(3)), "topicName");
        assertRefused(() -> kafka.updateTopic(r -> r.clusterArn(clusterArn).topicName("orders").partitionCount(2)),
                "partitionCount");
        assertRefused(() -> kafka.updateTopic(r -> r.clusterArn(clusterArn).topicName("orders")), "configs");
        assertThatThrownBy(() -> kafka.describeTopic(r -> r.clusterArn(clusterArn).topicName("nowhere")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kafka.describeTopicPartitions(r -> r.clusterArn(clusterArn).topicName("nowhere")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kafka.updateTopic(r -> r.clusterArn(clusterArn).topicName("nowhere")
                .partitionCount(3))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kafka.deleteTopic(r -> r.clusterArn(clusterArn).topicName("nowhere")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kafka.listTopics(r -> r.clusterArn(clusterArn + "-gone")))
                .isInstanceOf(NotFoundException.class);
        assertThat(kafka.listTopics(r -> r.clusterArn(clusterArn).topicNameFilter("too-many")).topics())
                .as("nothing made by a refused request").isEmpty();
    }

    @Test
    @Order(5)
    void deleteTopic_removesItFromKafka_andKafkasOwnTopicsStay() {
        var deleted = kafka.deleteTopic(r -> r.clusterArn(clusterArn).topicName("page-a"));
        assertThat(deleted.status()).isEqualTo(TopicState.DELETING);
        assertThatThrownBy(() -> kafka.describeTopic(r -> r.clusterArn(clusterArn).topicName("page-a")))
                .isInstanceOf(NotFoundException.class);
        assertThat(KafkaTool.run(KafkaTool.TOPICS, "--bootstrap-server", bootstrap, "--list").requireSuccess()
                .output().lines()).doesNotContain("page-a").contains("page-b");
        assertRefused(() -> kafka.deleteTopic(r -> r.clusterArn(clusterArn).topicName("__consumer_offsets")),
                "topicName");
    }

    private static void assertRefused(Runnable call, String member) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BadRequestException.class,
                e -> assertThat(e.invalidParameter()).as(e.getMessage()).isEqualTo(member));
    }
}

package io.streamplane.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** Topics created through Kafka's own Admin API, with the cluster's default replication. */
public final class Topics {
    private Topics() {
    }

    /** Creates the topic and waits until the broker answering describes it: it then serves it. */
    public static void create(String bootstrap, String topic, int partitions) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            create(admin, topic, partitions);
        }
    }

    /** The same through an Admin client the caller configured, for instance for TLS or SASL. */
    public static void create(Admin admin, String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                .all().get(30, TimeUnit.SECONDS);
        await("topic " + topic + " to be visible").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .containsKey(topic));
    }
}

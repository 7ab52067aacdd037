package io.streamplane.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Proves that no acknowledged record is lost: produces records with acks=all, remembers every one
 * the cluster acknowledged, and reads the topic back to check each of them is there.
 */
public final class RecordAudit {
    private final String bootstrap;
    private final String topic;
    private final Set<String> acknowledged = new HashSet<>();

    public RecordAudit(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    /** Sends {@code count} records and waits for each acknowledgement; returns how many were acknowledged. */
    public int produce(int count) throws InterruptedException, ExecutionException, TimeoutException {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                new StringSerializer(), new StringSerializer())) {
            var sends = new ArrayList<Future<?>>();
            var values = new ArrayList<String>();
            for (int i = 0; i < count; i++) {
                String value = "record-" + UUID.randomUUID();
                values.add(value);
                sends.add(producer.send(new ProducerRecord<>(topic, Integer.toString(i), value)));
            }
            for (int i = 0; i < count; i++) {
                sends.get(i).get(90, TimeUnit.SECONDS);
                acknowledged.add(values.get(i));
            }
        }
        return acknowledged.size();
    }

    /** Reads the topic from the beginning until every acknowledged record was seen; returns the ones missing. */
    public Set<String> missingAfterReading(Duration timeout) {
        var missing = new HashSet<>(acknowledged);
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "audit-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> missing.remove(r.value()));
            }
        }
        return missing;
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }
}

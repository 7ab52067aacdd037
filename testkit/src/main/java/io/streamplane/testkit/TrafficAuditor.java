package io.streamplane.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Live traffic with an audit: an idempotent acks=all producer sends numbered records to every
 * partition while a consumer reads them back, so that a test can change the cluster underneath and
 * then prove that no send failed and every acknowledged record arrived exactly once, in order.
 */
public final class TrafficAuditor implements AutoCloseable {
    /** The pace of the tests' traffic: a record to each of 6 partitions every 60 ms. */
    public static final int TEST_RECORDS_PER_SECOND = 100;
    private final String bootstrap;
    private final String topic;
    private final int partitions;
    private final AtomicBoolean producing = new AtomicBoolean(true);
    private final AtomicBoolean consuming = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<Integer, Set<Long>> acknowledged = new ConcurrentHashMap<>();
    private final Map<Integer, List<Long>> consumed = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Thread producer;
    private final Thread consumer;
    /** Marks this auditor's records, so records of earlier runs on the same topic are not counted. */
    private final String run = UUID.randomUUID().toString();
    /** Nanoseconds between two sends; zero sends back to back. */
    private long sendIntervalNanos;

    public TrafficAuditor(String bootstrap, String topic, int partitions) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.partitions = partitions;
        for (int p = 0; p < partitions; p++) {
            acknowledged.put(p, ConcurrentHashMap.newKeySet());
            consumed.put(p, Collections.synchronizedList(new ArrayList<>()));
        }
        this.producer = new Thread(this::produce, "auditor-producer");
        this.consumer = new Thread(this::consume, "auditor-consumer");
    }

    /**
     * Sends at most this many records a second instead of back to back. Tests pace their traffic so
     * that the brokers' CPU goes to the change under test, not to serving the auditor, while records
     * still cross every leader move; benchmarks keep the unpaced default.
     */
    public TrafficAuditor paced(int recordsPerSecond) {
        if (recordsPerSecond <= 0) {
            throw new IllegalArgumentException("recordsPerSecond must be positive: " + recordsPerSecond);
        }
        this.sendIntervalNanos = TimeUnit.SECONDS.toNanos(1) / recordsPerSecond;
        return this;
    }

    public TrafficAuditor start() {
        consumer.start();
        producer.start();
        return this;
    }

    public long acknowledgedCount() {
        return acknowledged.values().stream().mapToLong(Set::size).sum();
    }

    /** Acknowledged records of one partition: it takes writes while this grows. */
    public long acknowledgedCount(int partition) {
        return acknowledged.get(partition).size();
    }

    /** Stops sending, waits until the consumer has read every acknowledged record, and reports. */
    public Report stop(Duration drainTimeout) throws InterruptedException {
        producing.set(false);
        producer.join(TimeUnit.MINUTES.toMillis(3));
        try {
            Awaitility.await("the consumer to read every acknowledged record").atMost(drainTimeout)
                    .pollInterval(Duration.ofMillis(100)).until(() -> missing() == 0);
        } catch (ConditionTimeoutException e) {
            // the report counts what is still missing as lost
        }
        consuming.set(false);
        consumer.join(TimeUnit.SECONDS.toMillis(30));
        return report();
    }

    private void produce() {
        var sequences = new long[partitions];
        try (var kafka = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer())) {
            int partition = 0;
            long nextSend = System.nanoTime();
            while (producing.get()) {
                nextSend = awaitSendSlot(nextSend);
                long sequence = sequences[partition]++;
                sent.incrementAndGet();
                try {
                    kafka.send(new ProducerRecord<>(topic, partition, run, Long.toString(sequence)))
                            .get(150, TimeUnit.SECONDS);
                    acknowledged.get(partition).add(sequence);
                } catch (Exception e) {
                    failed.incrementAndGet();
                    failures.add(partition + "/" + sequence + ": " + e);
                }
                partition = (partition + 1) % partitions;
            }
        }
    }

    /** Parks until the next send is due, if paced, and returns when the one after it is. */
    private long awaitSendSlot(long due) {
        if (sendIntervalNanos == 0) {
            return due;
        }
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        // A send slower than the interval does not earn a burst afterwards.
        return Math.max(due, System.nanoTime()) + sendIntervalNanos;
    }

    private void consume() {
        try (var kafka = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            // Assigned, not subscribed: no group, so no rebalance can replay records to the auditor.
            var assignment = new ArrayList<TopicPartition>();
            for (int p = 0; p < partitions; p++) {
                assignment.add(new TopicPartition(topic, p));
            }
            kafka.assign(assignment);
            kafka.seekToBeginning(assignment);
            while (consuming.get()) {
                kafka.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (run.equals(r.key())) {
                        consumed.get(r.partition()).add(Long.parseLong(r.value()));
                    }
                });
            }
        }
    }

    private long missing() {
        long missing = 0;
        for (int p = 0; p < partitions; p++) {
            var seen = new HashSet<>(consumed.get(p));
            missing += acknowledged.get(p).stream().filter(s -> !seen.contains(s)).count();
        }
        return missing;
    }

    private Report report() {
        long lost = missing();
        long duplicated = 0;
        long outOfOrder = 0;
        for (int p = 0; p < partitions; p++) {
            List<Long> records;
            synchronized (consumed.get(p)) {
                records = List.copyOf(consumed.get(p));
            }
            var counts = new HashMap<Long, Integer>();
            records.forEach(s -> counts.merge(s, 1, Integer::sum));
            duplicated += counts.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
            for (int i = 1; i < records.size(); i++) {
                if (records.get(i) <= records.get(i - 1)) {
                    outOfOrder++;
                }
            }
        }
        return new Report(sent.get(), acknowledgedCount(), failed.get(), lost, duplicated, outOfOrder,
                List.copyOf(failures.subList(0, Math.min(5, failures.size()))));
    }

    @Override
    public void close() throws InterruptedException {
        producing.set(false);
        consuming.set(false);
        producer.join(TimeUnit.MINUTES.toMillis(3));
        consumer.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** What the audit found. */
    public record Report(long sent, long acknowledged, long failed, long lost, long duplicated, long outOfOrder,
                         List<String> firstFailures) {

        /** No send failed, and every acknowledged record arrived exactly once, in order per partition. */
        public boolean undisturbed() {
            return failed == 0 && lost == 0 && duplicated == 0 && outOfOrder == 0;
        }

        @Override
        public String toString() {
            return "sent " + sent + ", acknowledged " + acknowledged + ", failed " + failed + ", lost " + lost
                    + ", duplicated " + duplicated + ", out of order " + outOfOrder
                    + (firstFailures.isEmpty() ? "" : ", first failures " + firstFailures);
        }
    }
}

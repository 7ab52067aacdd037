package io.streamplane.connect.s3;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Buffers each partition's records and writes them as one object when there are
 * {@code flush.size} of them or the first is {@code rotate.interval.ms} old. Offsets are committed
 * only for records in S3, and a partition opened again is read on from the last record already in
 * S3: whatever commit a crash lost, nothing is written twice and nothing is skipped.
 *
 * <p>Connect calls {@code put} only when records arrive, so a timer of the task's own writes the
 * buffers that grew old while the topic was quiet; the task's methods and the timer take turns.
 */
public final class S3SinkTask extends SinkTask {
    private static final long ROTATION_CHECK_MS = 250;
    private ScheduledExecutorService rotation;
    private RuntimeException rotationFailure;
    private S3SinkConfig config;
    private S3Objects objects;
    private ObjectKeys keys;
    private final Map<TopicPartition, PartitionBuffer> buffers = new HashMap<>();
    /** Per partition, the offset after the last record in S3: where reading goes on, what may be committed. */
    private final Map<TopicPartition, Long> next = new HashMap<>();

    @Override
    public String version() {
        return S3SinkConnector.VERSION;
    }

    @Override
    public synchronized void start(Map<String, String> props) {
        config = new S3SinkConfig(props);
        objects = new S3Objects(config);
        keys = new ObjectKeys(config.prefix(), config.gzip());
        rotation = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "s3-sink-rotation");
            thread.setDaemon(true);
            return thread;
        });
        rotation.scheduleWithFixedDelay(this::rotate, ROTATION_CHECK_MS, ROTATION_CHECK_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void open(Collection<TopicPartition> partitions) {
        for (var partition : partitions) {
            buffers.put(partition, new PartitionBuffer());
            objects.lastOffset(keys.partitionPrefix(partition.topic(), partition.partition()), keys)
                    .ifPresent(last -> {
                        next.put(partition, last + 1);
                        context.offset(partition, last + 1);
                    });
        }
    }

    @Override
    public synchronized void put(Collection<SinkRecord> records) {
        if (rotationFailure != null) {
            throw new ConnectException("Writing to s3://" + config.bucket() + " failed", rotationFailure);
        }
        long now = System.currentTimeMillis();
        for (var record : records) {
            var partition = new TopicPartition(record.topic(), record.kafkaPartition());
            if (record.kafkaOffset() < next.getOrDefault(partition, Long.MIN_VALUE)) {
                continue;
            }
            var buffer = buffers.computeIfAbsent(partition, p -> new PartitionBuffer());
            buffer.add(record.kafkaOffset(), RecordFormat.line(record), now);
            if (buffer.count() >= config.flushSize()) {
                write(partition, buffer);
            }
        }
        writeOldBuffers();
    }

    /** The timer's turn: a failure is kept for the next put, which fails the task with it. */
    private synchronized void rotate() {
        try {
            writeOldBuffers();
        } catch (RuntimeException e) {
            rotationFailure = e;
        }
    }

    private void writeOldBuffers() {
        long now = System.currentTimeMillis();
        buffers.forEach((partition, buffer) -> {
            if (!buffer.isEmpty() && buffer.ageMs(now) >= config.rotateIntervalMs()) {
                write(partition, buffer);
            }
        });
    }

    private void write(TopicPartition partition, PartitionBuffer buffer) {
        objects.put(keys.key(partition.topic(), partition.partition(), buffer.firstOffset()),
                buffer.content(config.gzip()), buffer.lastOffset());
        next.put(partition, buffer.lastOffset() + 1);
        buffer.clear();
    }

    @Override
    public synchronized Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        var committable = new HashMap<TopicPartition, OffsetAndMetadata>();
        next.forEach((partition, offset) -> {
            if (currentOffsets.containsKey(partition)) {
                committable.put(partition, new OffsetAndMetadata(offset));
            }
        });
        return committable;
    }

    @Override
    public synchronized void close(Collection<TopicPartition> partitions) {
        // Buffered records are not in S3: whoever opens the partition next reads them again.
        partitions.forEach(p -> {
            buffers.remove(p);
            next.remove(p);
        });
    }

    @Override
    public void stop() {
        if (rotation != null) {
            rotation.shutdownNow();
        }
        if (objects != null) {
            objects.close();
        }
    }
}

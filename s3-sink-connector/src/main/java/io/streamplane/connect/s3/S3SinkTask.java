package io.streamplane.connect.s3;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Buffers each partition's records and writes them as one object when there are
 * {@code flush.size} of them or the first is {@code rotate.interval.ms} old. Offsets are committed
 * only for records in S3, and a partition opened again is read on from the last record already in
 * S3: whatever commit a crash lost, nothing is written twice and nothing is skipped.
 */
public final class S3SinkTask extends SinkTask {
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
    public void start(Map<String, String> props) {
        config = new S3SinkConfig(props);
        objects = new S3Objects(config);
        keys = new ObjectKeys(config.prefix(), config.gzip());
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
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
    public void put(Collection<SinkRecord> records) {
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
        // Called without records too while the topic is quiet, so old buffers are written in time.
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
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        var committable = new HashMap<TopicPartition, OffsetAndMetadata>();
        next.forEach((partition, offset) -> {
            if (currentOffsets.containsKey(partition)) {
                committable.put(partition, new OffsetAndMetadata(offset));
            }
        });
        return committable;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        // Buffered records are not in S3: whoever opens the partition next reads them again.
        partitions.forEach(p -> {
            buffers.remove(p);
            next.remove(p);
        });
    }

    @Override
    public void stop() {
        if (objects != null) {
            objects.close();
        }
    }
}

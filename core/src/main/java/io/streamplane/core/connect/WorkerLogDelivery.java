package io.streamplane.core.connect;

import io.streamplane.core.objects.ObjectStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies the log files of connectors whose log delivery asks for S3, at most once an interval,
 * to {@code s3://BUCKET/PREFIX/CONNECTOR/worker-N/FILE}, each file whole when it changed since its
 * last copy (rolled-over files do not change again).
 */
final class WorkerLogDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerLogDelivery.class);
    private final ConnectWorkers workers;
    private final ObjectStorage objects;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Instant> delivered = new ConcurrentHashMap<>();
    /** Per connector, the size and time of change each object's file had when it was copied. */
    private final Map<String, Map<String, FileStamp>> copied = new ConcurrentHashMap<>();

    WorkerLogDelivery(ConnectWorkers workers, ObjectStorage objects, Clock clock, Duration interval) {
        this.workers = workers;
        this.objects = objects;
        this.clock = clock;
        this.interval = interval;
    }

    void deliver(Connector connector) {
        var delivery = connector.spec().s3LogDelivery();
        var now = clock.instant();
        var last = delivered.get(connector.arn());
        if (delivery.isEmpty() || last != null && now.isBefore(last.plus(interval))) {
            return;
        }
        delivered.put(connector.arn(), now);
        String prefix = delivery.get().prefix().replaceAll("^/+|/+$", "");
        var stamps = copied.computeIfAbsent(connector.arn(), a -> new ConcurrentHashMap<>());
        for (var worker : connector.workers()) {
            for (var file : workers.logFiles(connector.uuid(), worker.index())) {
                String key = (prefix.isEmpty() ? "" : prefix + "/") + connector.name() + "/worker-" + worker.index()
                        + "/" + file.getFileName();
                try {
                    var stamp = FileStamp.of(file);
                    if (stamp.equals(stamps.get(key))) {
                        continue;
                    }
                    objects.upload(file, delivery.get().bucket(), key);
                    stamps.put(key, stamp);
                } catch (RuntimeException e) {
                    LOG.warn("Cannot deliver {} to s3://{}/{}: {}", file, delivery.get().bucket(), key, e.getMessage());
                }
            }
        }
    }

    void forget(String connectorArn) {
        delivered.remove(connectorArn);
        copied.remove(connectorArn);
    }

    private record FileStamp(long size, FileTime modified) {
        static FileStamp of(Path file) {
            try {
                return new FileStamp(Files.size(file), Files.getLastModifiedTime(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }
}

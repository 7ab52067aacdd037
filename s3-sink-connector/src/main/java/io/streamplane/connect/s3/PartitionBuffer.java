package io.streamplane.connect.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** The lines of one partition's next object, from its first record's offset on. */
final class PartitionBuffer {
    private final StringBuilder lines = new StringBuilder();
    private int count;
    private long firstOffset = -1;
    private long lastOffset = -1;
    private long firstArrivalMs;

    void add(long offset, String line, long nowMs) {
        if (count == 0) {
            firstOffset = offset;
            firstArrivalMs = nowMs;
        }
        lines.append(line).append('\n');
        lastOffset = offset;
        count++;
    }

    boolean isEmpty() {
        return count == 0;
    }

    int count() {
        return count;
    }

    long firstOffset() {
        return firstOffset;
    }

    long lastOffset() {
        return lastOffset;
    }

    /** How long ago the object's first record arrived. */
    long ageMs(long nowMs) {
        return count == 0 ? 0 : nowMs - firstArrivalMs;
    }

    byte[] content(boolean gzip) {
        byte[] text = lines.toString().getBytes(StandardCharsets.UTF_8);
        if (!gzip) {
            return text;
        }
        var bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    void clear() {
        lines.setLength(0);
        count = 0;
        firstOffset = -1;
        lastOffset = -1;
    }
}

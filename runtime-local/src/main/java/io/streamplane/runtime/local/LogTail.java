package io.streamplane.runtime.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, read from its end so that a large log costs no more than a small one. */
final class LogTail {
    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {
    }

    /** Up to {@code lines} last lines of the file; none when it does not exist or cannot be read. */
    static List<String> of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            var all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            // the first line is likely cut when the read began mid-file
            int first = Math.max(size < length ? 1 : 0, all.length - lines);
            return Arrays.asList(all).subList(Math.min(first, all.length), all.length);
        } catch (IOException e) {
            return List.of();
        }
    }
}

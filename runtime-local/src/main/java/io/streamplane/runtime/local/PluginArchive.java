package io.streamplane.runtime.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a plugin's ZIP file. Refused: an entry that would land outside the target, more entries
 * than the limit, or more bytes unpacked than the limit, counted as they are written (a ZIP's own
 * sizes can lie), so that no archive fills the disk.
 */
final class PluginArchive {
    /**
     * More entries than the largest connector distributions carry (Debezium's have a few hundred),
     * and 2 GiB of the disk unpacked.
     */
    static final Limits LIMITS = new Limits(20_000, 2L * 1024 * 1024 * 1024);
    private static final int BUFFER = 64 * 1024;

    record Limits(int maxEntries, long maxUnpackedBytes) {
    }

    private PluginArchive() {
    }

    static void unpack(Path file, Path target, Limits limits) throws IOException {
        Path base = target.toAbsolutePath().normalize();
        try (var zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw new IllegalArgumentException("The ZIP file has " + zip.size() + " entries; a plugin may have at "
                        + "most " + limits.maxEntries());
            }
            long unpacked = 0;
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path destination = base.resolve(entry.getName()).normalize();
                if (!destination.startsWith(base)) {
                    throw new IllegalArgumentException("The ZIP entry " + entry.getName() + " points outside the "
                            + "plugin's directory");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (var in = zip.getInputStream(entry);
                         var out = Files.newOutputStream(destination)) {
                        unpacked = copyWithin(in, out, unpacked, limits.maxUnpackedBytes());
                    }
                }
            }
        }
    }

    /** Copies, and returns the running total of bytes unpacked. */
    private static long copyWithin(InputStream in, OutputStream out, long unpackedSoFar, long limit)
            throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = unpackedSoFar;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            total += read;
            if (total > limit) {
                throw new IllegalArgumentException("The ZIP file unpacks to more than " + limit
                        + " bytes, the most a plugin may take");
            }
            out.write(buffer, 0, read);
        }
        return total;
    }
}

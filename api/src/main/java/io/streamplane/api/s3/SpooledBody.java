package io.streamplane.api.s3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body kept until it is forwarded: in memory while small, in a file of the spool
 * directory beyond that, so that uploads of any size take bounded memory and reach the store only
 * once they are whole and checked.
 */
final class SpooledBody extends OutputStream {
    private static final int IN_MEMORY_LIMIT = 1024 * 1024;
    private final Path spoolDirectory;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
    private long length;

    SpooledBody(Path spoolDirectory) {
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        if (memory != null && memory.size() + count > IN_MEMORY_LIMIT) {
            Files.createDirectories(spoolDirectory);
            file = Files.createTempFile(spoolDirectory, "upload-", ".part");
            fileOut = Files.newOutputStream(file);
            memory.writeTo(fileOut);
            memory = null;
        }
        (memory != null ? memory : fileOut).write(bytes, offset, count);
        length += count;
    }

    long length() {
        return length;
    }

    /** The body from its start; call once writing is done. */
    InputStream open() throws IOException {
        if (memory != null) {
            return new ByteArrayInputStream(memory.toByteArray());
        }
        fileOut.close();
        return Files.newInputStream(file);
    }

    /** Forgets the body, deleting its file if it had one. */
    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}

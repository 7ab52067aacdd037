package io.streamplane.runtime.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code <data-dir>/security}: the secrets of this installation, in a directory only its owner can
 * enter; and the writing of any file only its owner may read.
 */
final class SecurityDirectory {
    private SecurityDirectory() {
    }

    static Path create(Path dataDir) {
        Path dir = dataDir.resolve("security");
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    /**
     * Writes a file only its owner can read, atomically: the content goes to a new file created with
     * those permissions (so it is never readable by others, not even for a moment), is forced to
     * disk, and then takes the file's place in one rename. A crash mid-write leaves the old file or
     * the new one whole, never a node configuration, key or password cut short.
     */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".writing");
        Files.deleteIfExists(temporary);
        try (var channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            var bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(file.toAbsolutePath().getParent());
    }

    /** Makes the rename itself durable; a file system that cannot sync a directory is left as it is. */
    private static void forceDirectory(Path directory) {
        try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems refuse to open a directory; the rename is still atomic there
        }
    }
}

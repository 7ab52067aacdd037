package io.streamplane.runtime.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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
     * Writes a file only its owner can read. A new file is created with those permissions, so the
     * content is never readable by others, not even for a moment.
     */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } else {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, content);
    }
}

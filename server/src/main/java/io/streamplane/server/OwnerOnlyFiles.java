package io.streamplane.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory and the database hold secret values and keys: they are the owner's alone,
 * whatever the umask the server was started with.
 */
final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates the directory, the owner's only, when it is not there. One that is there was chosen as
     * it is (it may even be shared, such as a mount point), so its permissions are left as they are.
     */
    static void createDirectory(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                return;
            }
            if (POSIX) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
                // The umask may have taken some of the owner's own permissions away too.
                Files.setPosixFilePermissions(directory, DIRECTORY);
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Makes an existing file the owner's only; a file not there (a database elsewhere) is left alone. */
    static void restrict(Path file) {
        if (!POSIX || !Files.exists(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + file + " readable by its owner only", e);
        }
    }
}

package io.streamplane.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerOnlyFilesTest {

    @Test
    void aDataDirectoryTheServerCreates_isTheOwnersOnly(@TempDir Path parent) throws Exception {
        Path dataDir = parent.resolve("a").resolve("data");
        OwnerOnlyFiles.createDirectory(dataDir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
    }

    @Test
    void aDirectoryThatIsThere_keepsThePermissionsItWasGiven(@TempDir Path parent) throws Exception {
        Path shared = Files.createDirectory(parent.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-x---"));
        OwnerOnlyFiles.createDirectory(shared);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-x---");
    }

    @Test
    void aFile_isMadeTheOwnersOnly(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("db"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnlyFiles.restrict(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}

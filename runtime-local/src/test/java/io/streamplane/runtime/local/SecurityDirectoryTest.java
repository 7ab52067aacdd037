package io.streamplane.runtime.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityDirectoryTest {
    @TempDir
    Path directory;

    @Test
    void writeOwnerOnly_replacesTheWholeFile_ownerOnly_andLeavesNoTemporaryFile() throws IOException {
        Path file = directory.resolve("server.properties");
        Files.writeString(file, "old=value\n".repeat(1000));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(directory.resolve(".server.properties.writing"), "left by a crash");

        SecurityDirectory.writeOwnerOnly(file, "new=value\n");

        assertThat(Files.readString(file)).isEqualTo("new=value\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writeOwnerOnly_createsANewFileOwnerOnly() throws IOException {
        Path file = directory.resolve("ca.key");

        SecurityDirectory.writeOwnerOnly(file, "KEY");

        assertThat(Files.readString(file)).isEqualTo("KEY");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}

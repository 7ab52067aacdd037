package io.streamplane.runtime.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginArchiveTest {
    private static final PluginArchive.Limits SMALL = new PluginArchive.Limits(10, 100_000);

    @Test
    void aPluginWithinTheLimits_isUnpackedWhole(@TempDir Path dir) throws IOException {
        Path zip = zip(dir, 3, 1000);
        PluginArchive.unpack(zip, dir.resolve("plugin"), SMALL);
        assertThat(Files.readAllBytes(dir.resolve("plugin").resolve("lib/entry-2.jar"))).hasSize(1000);
    }

    @Test
    void tooManyEntries_areRefused(@TempDir Path dir) throws IOException {
        Path zip = zip(dir, 11, 1);
        assertThatThrownBy(() -> PluginArchive.unpack(zip, dir.resolve("plugin"), SMALL))
                .hasMessage("The ZIP file has 11 entries; a plugin may have at most 10");
    }

    @Test
    void anArchiveThatUnpacksBeyondTheLimit_isRefused_whateverItsEntriesClaim(@TempDir Path dir) throws IOException {
        // Zeros compress to almost nothing: 200 KB unpacked from a file of a few hundred bytes.
        Path zip = zip(dir, 2, 100_000);
        assertThat(Files.size(zip)).isLessThan(2_000);
        assertThatThrownBy(() -> PluginArchive.unpack(zip, dir.resolve("plugin"), SMALL))
                .hasMessage("The ZIP file unpacks to more than 100000 bytes, the most a plugin may take");
    }

    @Test
    void anEntryOutsideThePluginsDirectory_isRefused(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../outside.txt"));
            out.write(1);
        }
        assertThatThrownBy(() -> PluginArchive.unpack(zip, dir.resolve("plugin"), SMALL))
                .hasMessageContaining("points outside the plugin's directory");
        assertThat(dir.resolve("outside.txt")).doesNotExist();
    }

    private static Path zip(Path dir, int entries, int bytesEach) throws IOException {
        Path zip = dir.resolve("plugin-" + entries + "-" + bytesEach + ".zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < entries; i++) {
                out.putNextEntry(new ZipEntry("lib/entry-" + i + ".jar"));
                out.write(new byte[bytesEach]);
                out.closeEntry();
            }
        }
        return zip;
    }
}

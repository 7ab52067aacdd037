package io.streamplane.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Packs a connector plugin's directory as the ZIP MSK Connect takes, the directory as its top folder. */
public final class PluginArchives {
    private PluginArchives() {
    }

    public static byte[] zip(Path directory) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(directory.getFileName() + "/" + directory.relativize(file)));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot zip " + directory, e);
        }
        return bytes.toByteArray();
    }
}

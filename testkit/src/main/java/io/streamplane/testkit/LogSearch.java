package io.streamplane.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Searches logs for values that must never reach them, such as passwords. */
public final class LogSearch {
    private LogSearch() {
    }

    /**
     * The log files below {@code root}: those of every Kafka node and Connect worker (each directory
     * named {@code logs}), of the tools the server runs (files named {@code *.log}) and of the
     * embedded database ({@code *.trace.db}, where H2 writes the statements that failed). Kafka's own
     * data directories are left out: their segments, also named {@code *.log}, hold records.
     */
    public static List<Path> logsBelow(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).toString().contains("/data/"))
                    .filter(p -> p.getFileName().toString().endsWith(".log") || p.getFileName().toString().endsWith(".trace.db")
                            || p.getParent().getFileName().toString().equals("logs"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the logs below " + root, e);
        }
    }

    /** Each line of the files that holds one of the values, as {@code file:line: text}; none, as it should be. */
    public static List<String> linesHolding(Collection<String> values, Collection<Path> files) {
        if (values.stream().anyMatch(v -> v.length() < 8)) {
            throw new IllegalArgumentException("Values shorter than 8 characters would be found by chance");
        }
        var found = new ArrayList<String>();
        for (Path file : files) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (values.stream().anyMatch(line::contains)) {
                    found.add(file + ":" + (i + 1) + ": " + line);
                }
            }
        }
        return found;
    }

    /** The number of bytes the files hold, to say how much was searched. */
    public static long size(Collection<Path> files) {
        return files.stream().mapToLong(f -> {
            try {
                return Files.size(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
    }

    private static List<String> read(Path file) {
        try {
            return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}

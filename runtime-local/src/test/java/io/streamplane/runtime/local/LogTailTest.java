package io.streamplane.runtime.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTest {
    @TempDir
    Path directory;

    @Test
    void aShortLog_givesItsLastLines() throws IOException {
        var log = Files.writeString(directory.resolve("server.log"), "one\ntwo\nthree\n");

        assertThat(LogTail.of(log, 2)).containsExactly("two", "three");
        assertThat(LogTail.of(log, 10)).containsExactly("one", "two", "three");
    }

    @Test
    void aLongLog_isReadFromItsEnd_withoutTheLineItWasCutIn() throws IOException {
        String lines = IntStream.range(0, 100_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        var log = Files.writeString(directory.resolve("server.log"), lines + "\n");

        assertThat(LogTail.of(log, 3)).containsExactly("line 99997", "line 99998", "line 99999");
        assertThat(LogTail.of(log, 100_000)).hasSizeLessThan(3_000).allMatch(l -> l.matches("line \\d+"));
    }

    @Test
    void aMissingLog_givesNothing() {
        assertThat(LogTail.of(directory.resolve("absent.log"), 5)).isEmpty();
    }
}

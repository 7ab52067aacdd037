package io.streamplane.runtime.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The processes this runtime started, known by pid and start time. */
final class Processes {
    private Processes() {
    }

    /** A process as this runtime knows it for good: a pid alone may be reused. */
    record Started(long pid, Instant startedAt) {
    }

    /**
     * Starts the command in a session of its own (with setsid where the system has it), so that it
     * outlives the server and no signal to the server's terminal reaches it; no input, and its output
     * appended to {@code output}.
     */
    static Started startDetached(List<String> command, Path directory, Path output) throws IOException {
        var full = new ArrayList<String>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            full.add("/usr/bin/setsid");
        }
        full.addAll(command);
        var process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return new Started(process.pid(), process.toHandle().info().startInstant().orElse(Instant.now()));
    }

    /** The process if it still runs and is the one started then: pids are reused. */
    static Optional<ProcessHandle> handle(long pid, Instant startedAt) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().startInstant()
                        .map(s -> Math.abs(s.toEpochMilli() - startedAt.toEpochMilli()) < 1000)
                        .orElse(false));
    }

    /** Whether the process ended within the timeout. */
    static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }
}

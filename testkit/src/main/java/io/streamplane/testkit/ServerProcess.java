package io.streamplane.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A Streamplane server in its own JVM, for what cannot be done in-process: killing the control
 * plane with SIGKILL, or stopping it with SIGTERM as Ctrl-C or a service manager would.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** How the server's JVM runs. */
    public enum Jvm {
        /**
         * Each test starts servers several times on a machine busy with clusters: the client
         * compiler and the serial collector start one with half the CPU of the defaults.
         */
        QUICK_START("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
        /** As {@code ./streamplane up} runs it, for figures of the server at work. */
        AS_DEPLOYED("-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

        private final List<String> flags;

        Jvm(String... flags) {
            this.flags = List.of(flags);
        }
    }

    public static ServerProcess start(Path dataDir, String nodeNetwork, Path log) {
        return start(dataDir, nodeNetwork, log, Jvm.QUICK_START);
    }

    public static ServerProcess start(Path dataDir, String nodeNetwork, Path log, Jvm jvm) {
        return start(dataDir, nodeNetwork, log, jvm, Map.of(), freePort());
    }

    /** A server on the given port, as the one before it had: requests signed for it go on working. */
    public static ServerProcess startOnPort(Path dataDir, String nodeNetwork, Path log, int port) {
        return start(dataDir, nodeNetwork, log, Jvm.QUICK_START, Map.of(), port);
    }

    /**
     * A server that halts, as a SIGKILL would end it, right after recording the point of an
     * operation that {@code crashAt} names (the server's {@code STREAMPLANE_CRASH_AT}: {@code TYPE/N}
     * for its N-th completed step, {@code TYPE/ended} for its end).
     */
    public static ServerProcess crashingAt(Path dataDir, String nodeNetwork, Path log, String crashAt) {
        return start(dataDir, nodeNetwork, log, Jvm.QUICK_START, Map.of("STREAMPLANE_CRASH_AT", crashAt), freePort());
    }

    private static ServerProcess start(Path dataDir, String nodeNetwork, Path log, Jvm jvm,
                                       Map<String, String> environment, int port) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm.flags);
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"),
                "io.streamplane.server.Main", "up",
                "--port", Integer.toString(port),
                "--metrics-port", "0",
                "--data-dir", dataDir.toString(),
                "--node-network", nodeNetwork,
                "--kafka-distributions", StreamplaneFixture.kafkaDistributions().toString()));
        StreamplaneFixture.kafkaCache().ifPresent(cache -> command.addAll(List.of("--kafka-cache", cache.toString())));
        try {
            var builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            var process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            var server = new ServerProcess(process, port);
            boolean mayCrash = environment.containsKey("STREAMPLANE_CRASH_AT");
            await("the server to listen on port " + port).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            if (mayCrash) {
                                return true; // its crash point came before its port opened
                            }
                            throw new IllegalStateException("The server exited with " + process.exitValue()
                                    + "; see " + log);
                        }
                        return server.isListening();
                    });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** SIGKILL: the server gets no chance to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the server to end by itself (at its crash point); its exit code. */
    /** Whether the server exits within {@code timeout}, as one halting at its crash point does. */
    public boolean exitsWithin(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The server did not reach its crash point within " + timeout.toSeconds()
                    + " s");
        }
        return process.exitValue();
    }

    /** SIGTERM: a graceful stop, which stops the cluster nodes too. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The server did not stop within 120 s of SIGTERM");
        }
        return process.exitValue();
    }

    private boolean isListening() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}

package io.streamplane.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs kcat, the command-line client on librdkafka (the C client that confluent-kafka-python, -go
 * and others wrap), as Debian packages it, authenticating with SASL/SCRAM-SHA-512 over TLS as a user
 * of MSK's port 9096 would. {@code .ci/run} installs it.
 */
public final class Kcat {
    private static final long TIMEOUT_SECONDS = 60;
    private final List<String> connection;

    private Kcat(List<String> connection) {
        this.connection = List.copyOf(connection);
    }

    /** @param caFile the PEM file of the CA that signed the brokers' certificates */
    public static Kcat scram(String bootstrap, Path caFile, String user, String password) {
        return new Kcat(List.of("-b", bootstrap, "-X", "security.protocol=SASL_SSL",
                "-X", "sasl.mechanisms=SCRAM-SHA-512", "-X", "sasl.username=" + user,
                "-X", "sasl.password=" + password, "-X", "ssl.ca.location=" + caFile));
    }

    /** Produces one record per line with acks=all; fails with kcat's own words if any is not acknowledged. */
    public void produce(String topic, List<String> values) {
        var args = new ArrayList<>(connection);
        args.addAll(List.of("-P", "-t", topic, "-X", "acks=all"));
        run(args, String.join("\n", values) + "\n");
    }

    /** Reads the topic from its beginning to its end, one value per line. */
    public List<String> consume(String topic) {
        var args = new ArrayList<>(connection);
        args.addAll(List.of("-C", "-t", topic, "-o", "beginning", "-e", "-q", "-f", "%s\\n"));
        return run(args, "").lines().filter(l -> !l.isBlank()).toList();
    }

    private static String run(List<String> args, String input) {
        var command = new ArrayList<String>(List.of("kcat"));
        command.addAll(args);
        Path in = null;
        Path out = null;
        try {
            in = Files.writeString(Files.createTempFile("kcat", ".in"), input);
            out = Files.createTempFile("kcat", ".out");
            Path err = Files.createTempFile("kcat", ".err");
            Process process;
            try {
                process = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError("kcat is not installed here; install it (apt-get install kcat), as "
                        + ".ci/run does", e);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kcat did not end within " + TIMEOUT_SECONDS + " s: " + Files.readString(err));
            }
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(err);
            if (process.exitValue() != 0) {
                throw new AssertionError("kcat exited with " + process.exitValue() + ": " + errors);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (in != null) {
                in.toFile().delete();
            }
            if (out != null) {
                out.toFile().delete();
            }
        }
    }
}

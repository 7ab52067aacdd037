package io.streamplane.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one of Apache Kafka's own command-line tools, unchanged, from the bundled distribution and
 * in its own JVM, as a user would run {@code kafka-acls.sh}. The tools end with System.exit, so they
 * cannot share the test's JVM.
 */
public final class KafkaTool {
    public static final String ACLS = "org.apache.kafka.tools.AclCommand";
    public static final String CONFIGS = "kafka.admin.ConfigCommand";
    public static final String TOPICS = "org.apache.kafka.tools.TopicCommand";
    private static final long TIMEOUT_SECONDS = 120;

    private KafkaTool() {
    }

    /** What a tool printed (standard output and error together) and its exit status. */
    public record Result(int exitCode, String output) {
        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("Kafka tool exited with " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    public static Result run(String toolClass, String... args) {
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dlog4j2.level=WARN", "-cp", libs() + "/*", toolClass));
        command.addAll(List.of(args));
        Path output = null;
        try {
            output = Files.createTempFile("kafka-tool", ".out");
            var process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(toolClass + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** A properties file for a tool's {@code --command-config}. */
    public static Path commandConfig(Path dir, String properties) {
        try {
            return Files.writeString(Files.createTempFile(dir, "client", ".properties"), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path libs() {
        try (Stream<Path> releases = Files.list(StreamplaneFixture.kafkaDistributions())) {
            return releases.map(release -> release.resolve("libs")).filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Kafka distribution under "
                            + StreamplaneFixture.kafkaDistributions()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

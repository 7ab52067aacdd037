package io.streamplane.testkit;

import software.amazon.awssdk.services.kafka.KafkaClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server in its own process on a data directory that outlives it, for tests that kill, stop and
 * start the control plane under one cluster: each new process takes over the same data and nodes.
 * Closing it deletes the cluster through the last server, stops that server, and makes sure no node
 * or directory is left whatever state a failed test left behind.
 */
public final class DurableServer implements AutoCloseable {
    private final String nodeNetwork = StreamplaneFixture.freeNodeNetwork();
    private final TemporaryDirectory work;
    private final Path dataDir;
    private final Path log;
    private ServerProcess server;
    private String clusterArn;

    private DurableServer(String name, Path log) throws IOException {
        this.work = TemporaryDirectory.create("streamplane-" + name);
        this.dataDir = work.path().resolve("data");
        this.log = log;
        Files.deleteIfExists(log);
        this.server = ServerProcess.start(dataDir, nodeNetwork, log);
    }

    /** @param log the servers' log, kept (under target/) so that a failure can be read afterwards */
    public static DurableServer start(String name, Path log) {
        try {
            return new DurableServer(name, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cluster that {@link #close()} deletes. */
    public void owns(String arn) {
        this.clusterArn = arn;
    }

    /** SIGKILL, as a crash of the machine's control plane would end it. */
    public void kill() throws InterruptedException {
        server.kill();
    }

    /** SIGTERM, as Ctrl-C or a service manager would stop it. */
    public void stop() throws InterruptedException {
        server.stop();
    }

    /** A new server process on the same data directory and node addresses. */
    public void startAgain() {
        server = ServerProcess.start(dataDir, nodeNetwork, log);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public Path workDirectory() {
        return work.path();
    }

    public KafkaClient kafka() {
        return StreamplaneFixture.kafkaClient(server.endpoint(), StreamplaneFixture.ACCESS_KEY_ID,
                StreamplaneFixture.SECRET_ACCESS_KEY);
    }

    @Override
    public void close() throws Exception {
        try {
            if (clusterArn != null && server.isAlive()) {
                var kafka = kafka();
                kafka.deleteCluster(r -> r.clusterArn(clusterArn));
                Clusters.awaitGone(kafka, clusterArn);
                if (!NodeProcesses.pidsOf(clusterArn).isEmpty()) {
                    throw new AssertionError("Nodes of " + clusterArn + " outlived its deletion");
                }
                server.stop();
            }
        } finally {
            server.close();
            if (clusterArn != null) {
                NodeProcesses.killAll(clusterArn);
            }
            work.close();
        }
    }
}

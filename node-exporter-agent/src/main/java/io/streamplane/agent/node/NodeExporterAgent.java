package io.streamplane.agent.node;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * Serves the host's metrics, in the Prometheus node exporter's names, from inside a broker's JVM.
 *
 * <p>Agent argument: {@code HOST:PORT:DATA_DIRECTORY}; the data directory is the file system whose
 * space is reported, the broker's log directory.
 */
public final class NodeExporterAgent {
    private NodeExporterAgent() {
    }

    public static void premain(String argument) {
        String[] parts = argument.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("node exporter agent: expected HOST:PORT:DATA_DIRECTORY, got " + argument);
        }
        var metrics = new HostMetrics(Path.of("/proc"), Path.of(parts[2]));
        // Started from a daemon thread so that the server's threads are daemons too and never keep a
        // stopping broker alive.
        var starter = new Thread(() -> serve(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), metrics),
                "node-exporter-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void serve(InetSocketAddress address, HostMetrics metrics) {
        try {
            var server = HttpServer.create(address, 0);
            server.createContext("/metrics", exchange -> {
                byte[] body;
                int status;
                try {
                    body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
                    status = 200;
                } catch (RuntimeException e) {
                    body = ("scrape failed: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
                    status = 500;
                }
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                var thread = new Thread(r, "node-exporter");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("node exporter agent: cannot listen on " + address, e);
        }
    }
}

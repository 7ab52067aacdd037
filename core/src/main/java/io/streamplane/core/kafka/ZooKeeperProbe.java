package io.streamplane.core.kafka;

import io.streamplane.core.Poll;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Asks a ZooKeeper server how it is, with ZooKeeper's read-only four-letter word {@code srvr}: a
 * server serves once it leads or follows its ensemble; until then it answers that it is not serving.
 */
public final class ZooKeeperProbe {
    private static final Pattern MODE = Pattern.compile("(?m)^Mode: (\\w+)");
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int SOCKET_TIMEOUT_MILLIS = 2_000;

    private ZooKeeperProbe() {
    }

    /** The server's part in its ensemble ({@code leader} or {@code follower}); empty while it does not serve. */
    public static Optional<String> mode(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), SOCKET_TIMEOUT_MILLIS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            socket.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var matcher = MODE.matcher(readAll(socket.getInputStream()));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Waits until the server leads or follows, or {@code abandon} says to stop waiting. */
    public static void awaitServing(String host, int port, Duration timeout, BooleanSupplier abandon)
            throws TimeoutException, InterruptedException {
        Poll.until("ZooKeeper server " + host + ":" + port + " to join its ensemble", timeout, POLL,
                () -> abandon.getAsBoolean() || mode(host, port).isPresent());
    }

    private static String readAll(InputStream in) throws IOException {
        // The server closes the connection once it has answered.
        return new String(in.readNBytes(64 * 1024), StandardCharsets.US_ASCII);
    }
}

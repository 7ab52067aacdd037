package io.streamplane.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sockets that begin a request and stop half-way through its headers, as a slow or hostile caller. */
public final class StalledSockets implements AutoCloseable {
    private final List<Socket> sockets;

    private StalledSockets(List<Socket> sockets) {
        this.sockets = sockets;
    }

    public static StalledSockets open(URI endpoint, int count) {
        var sockets = new ArrayList<Socket>();
        try {
            for (int i = 0; i < count; i++) {
                var socket = new Socket(endpoint.getHost(), endpoint.getPort());
                sockets.add(socket);
                socket.getOutputStream().write(("GET /api/v2/clusters HTTP/1.1\r\nHost: " + endpoint.getHost()
                        + "\r\nX-Amz-Da").getBytes(StandardCharsets.US_ASCII));
            }
            return new StalledSockets(sockets);
        } catch (IOException e) {
            new StalledSockets(sockets).close();
            throw new UncheckedIOException("Cannot open stalled socket " + (sockets.size() + 1), e);
        }
    }

    /** How many the server has neither answered nor closed. */
    public long stillOpen() {
        return sockets.stream().filter(StalledSockets::stillStalled).count();
    }

    /** Nothing came back: no answer, no end of stream. */
    private static boolean stillStalled(Socket socket) {
        try {
            socket.setSoTimeout(1);
            socket.getInputStream().read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a socket the server already closed: nothing left to release.
            }
        }
    }
}

package io.streamplane.api.http;

import io.streamplane.api.protocol.ApiGateway;
import io.streamplane.api.protocol.StreamingService;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.HttpContinueReadHandler;
import org.xnio.Options;

import javax.net.ssl.SSLContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP listener on Undertow. Undertow parses requests on a few non-blocking I/O threads, so a
 * caller that sends half a request and stalls holds a buffer rather than a thread, and it enforces
 * the timeouts and sizes of {@link EndpointLimits}. Paths reach the handlers as sent, still
 * percent-encoded, so ARNs with encoded slashes stay one segment.
 *
 * <p>Why Undertow: it is maintained (WildFly's web server), it has every timeout and limit the
 * endpoint needs, and it offers both non-blocking reads (bodies of the JSON services) and blocking
 * streams on worker threads (S3 bodies, checked chunk by chunk as they arrive). Jetty 12 would share
 * its package names with the Jetty 11 that the embedded S3 (s3proxy) needs on the same class path,
 * and Netty would need a bridge from its event loop to those blocking streams.
 */
public final class HttpEndpoint implements AutoCloseable {
    static {
        // Undertow and XNIO log through JBoss Logging, which would pick java.util.logging; the
        // server logs through SLF4J, so their lines go where the server's go.
        System.getProperties().putIfAbsent("org.jboss.logging.provider", "slf4j");
    }

    private static final int IO_THREADS = 2;
    /** Handling writes to the database and S3 requests stream through: blocking work, on workers. */
    private static final int API_WORKER_THREADS = 64;
    private final Undertow server;

    private HttpEndpoint(InetSocketAddress address, Optional<SSLContext> tls, EndpointLimits limits, int workers,
                         HttpHandler root) {
        var builder = Undertow.builder()
                .setIoThreads(IO_THREADS)
                .setWorkerThreads(workers)
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(limits.headerTimeout()))
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, millis(limits.keepAliveTimeout()))
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, millis(limits.idleTimeout()))
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, limits.maxHeaderBytes())
                // Bodies of the JSON services; S3's streamed bodies raise it for their own exchange.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) limits.maxBodyBytes())
                .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
                // Small answers go out at once rather than wait for the client's delayed ACK.
                .setSocketOption(Options.TCP_NODELAY, true)
                .setSocketOption(Options.CONNECTION_HIGH_WATER, limits.maxConnections())
                .setSocketOption(Options.CONNECTION_LOW_WATER, limits.maxConnections())
                // A client that asks first (Expect: 100-continue, as S3 uploads do) is told to send
                // its body once the body is read, so a request refused from its headers never sends it.
                .setHandler(new HttpContinueReadHandler(root));
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        if (tls.isPresent()) {
            builder.addHttpsListener(address.getPort(), host, tls.get());
        } else {
            builder.addHttpListener(address.getPort(), host);
        }
        this.server = builder.build();
    }

    /**
     * The endpoint of the API: the gateway for the JSON services, streaming services chosen by the
     * service a request is signed for, and unsigned pages at their exact paths.
     */
    public static HttpEndpoint api(InetSocketAddress address, Optional<SSLContext> tls, EndpointLimits limits,
                                   ApiGateway gateway, List<StreamingService> streaming, Map<String, TextPage> pages) {
        return new HttpEndpoint(address, tls, limits, API_WORKER_THREADS,
                new EndpointRouter(gateway, streaming, pages, limits));
    }

    /** A listener of pages alone, such as the Prometheus page on its own loopback port. */
    public static HttpEndpoint pages(InetSocketAddress address, Map<String, TextPage> pages) {
        return new HttpEndpoint(address, Optional.empty(), EndpointLimits.defaults(), 2, new PageHandler(pages));
    }

    public void start() {
        server.start();
    }

    /** The port listened on, once started (the one the system chose when asked for port 0). */
    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }
}

package io.streamplane.api.protocol;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The HTTP listener. The JDK's server hands over the raw path untouched, so ARNs with encoded
 * slashes reach the router as one segment.
 */
public final class AwsHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AwsHttpServer.class);
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private final HttpServer server;
    private final ExecutorService executor;

    /** A page served beside the API, unsigned: nothing on it may be secret. */
    public record TextPage(String contentType, Supplier<String> body) {
    }

    /**
     * @param streaming services that read their own request bodies, chosen by the service a request is signed for
     * @param pages pages served at their paths beside the API, such as the Prometheus page at /metrics
     */
    public AwsHttpServer(InetSocketAddress address, ApiGateway gateway, List<StreamingService> streaming,
                         Map<String, TextPage> pages) {
        try {
            this.server = HttpServer.create(address, 128);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + address + ": " + e.getMessage(), e);
        }
        this.executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        Map<String, StreamingService> streamingByName = streaming.stream().collect(Collectors.toUnmodifiableMap(
                StreamingService::signingName, Function.identity()));
        server.createContext("/", exchange -> {
            var service = SigV4Verifier.scopedService(exchange.getRequestHeaders().getFirst("Authorization"))
                    .map(streamingByName::get);
            if (service.isPresent()) {
                serveStreaming(exchange, service.get());
            } else {
                serve(exchange, gateway);
            }
        });
        pages.forEach((path, page) -> server.createContext(path, exchange -> servePage(exchange, path, page)));
    }

    private static void servePage(HttpExchange exchange, String path, TextPage page) {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = page.body().get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", page.contentType());
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            LOG.debug("Client went away", e);
        } catch (RuntimeException e) {
            LOG.error("Cannot render {}", path, e);
        }
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void serveStreaming(HttpExchange exchange, StreamingService service) {
        try (exchange) {
            service.serve(exchange);
        } catch (IOException e) {
            LOG.debug("Client went away", e);
        } catch (RuntimeException e) {
            LOG.error("{} request {} {} failed", service.signingName(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e);
        }
    }

    private static void serve(HttpExchange exchange, ApiGateway gateway) {
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            var headers = new LinkedHashMap<String, List<String>>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            var request = new ApiRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body);
            ApiResponse response = body == null ? tooLarge() : gateway.dispatch(request);
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean empty = response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                exchange.getResponseBody().write(response.body());
            }
        } catch (IOException e) {
            LOG.debug("Client went away", e);
        }
    }

    /** The body, or null when it is larger than any MSK request can be. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static ApiResponse tooLarge() {
        return new ApiResponse(413, Map.of("x-amzn-ErrorType", "BadRequestException", "Content-Type",
                "application/json"), "{\"message\":\"The request body is too large\"}".getBytes());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

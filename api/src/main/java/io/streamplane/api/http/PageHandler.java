package io.streamplane.api.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Text pages at exact paths: GET only, 404 for any other path, 405 for any other method. */
final class PageHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PageHandler.class);
    private final Map<String, TextPage> pages;

    PageHandler(Map<String, TextPage> pages) {
        this.pages = Map.copyOf(pages);
    }

    boolean serves(String path) {
        return pages.containsKey(path);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            // A page may be computed from the store (the metrics are): never on an I/O thread.
            exchange.dispatch(this);
            return;
        }
        TextPage page = pages.get(exchange.getRequestPath());
        if (page == null) {
            exchange.setStatusCode(404);
            exchange.endExchange();
            return;
        }
        if (!exchange.getRequestMethod().equals(Methods.GET)) {
            exchange.setStatusCode(405);
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
            exchange.endExchange();
            return;
        }
        byte[] body;
        try {
            body = page.body().get().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            LOG.error("Cannot render {}", exchange.getRequestPath(), e);
            exchange.setStatusCode(500);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, page.contentType());
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}

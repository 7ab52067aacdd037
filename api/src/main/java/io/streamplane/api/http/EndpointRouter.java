package io.streamplane.api.http;

import io.streamplane.api.protocol.ApiGateway;
import io.streamplane.api.protocol.SigV4Verifier;
import io.streamplane.api.protocol.StreamingService;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks what answers a request, on the I/O thread and from its headers alone: a page when the
 * request is unsigned and names a page's exact path (so a bucket called {@code ca.pem} is still
 * S3's), a streaming service when the signature is scoped to one, and otherwise the gateway.
 */
final class EndpointRouter implements HttpHandler {
    private final PageHandler pages;
    private final Map<String, StreamingService> streaming;
    private final BufferedApiHandler buffered;

    EndpointRouter(ApiGateway gateway, List<StreamingService> streaming, Map<String, TextPage> pages,
                   EndpointLimits limits) {
        this.pages = new PageHandler(pages);
        this.streaming = streaming.stream().collect(Collectors.toUnmodifiableMap(StreamingService::signingName,
                Function.identity()));
        this.buffered = new BufferedApiHandler(gateway, limits);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization == null && pages.serves(exchange.getRequestPath())) {
            pages.handleRequest(exchange);
            return;
        }
        var service = SigV4Verifier.scopedService(authorization).map(streaming::get);
        if (service.isPresent()) {
            StreamingHandler.serve(exchange, service.get());
        } else {
            buffered.handleRequest(exchange);
        }
    }
}

package io.streamplane.api.http;

import io.streamplane.api.protocol.StreamingExchange;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** A blocking Undertow exchange as a {@link StreamingExchange}; used on a worker thread only. */
final class UndertowStreamingExchange implements StreamingExchange {
    private final HttpServerExchange exchange;
    private final Map<String, List<String>> headers;

    UndertowStreamingExchange(HttpServerExchange exchange) {
        this.exchange = exchange;
        this.headers = RequestHeaders.of(exchange);
    }

    @Override
    public String method() {
        return exchange.getRequestMethod().toString();
    }

    @Override
    public String rawPath() {
        return exchange.getRequestPath();
    }

    @Override
    public String rawQuery() {
        String query = exchange.getQueryString();
        return query == null || query.isEmpty() ? null : query;
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public InputStream requestBody() {
        return exchange.getInputStream();
    }

    @Override
    public OutputStream respond(int status, Map<String, List<String>> responseHeaders) {
        if (exchange.isResponseStarted()) {
            // Part of an answer is already on the wire: the only honest end is a cut connection.
            throw new UncheckedIOException(new IOException("The response to this request has already begun"));
        }
        exchange.setStatusCode(status);
        responseHeaders.forEach((name, values) -> exchange.getResponseHeaders().putAll(HttpString.tryFromString(name),
                values));
        return exchange.getOutputStream();
    }
}

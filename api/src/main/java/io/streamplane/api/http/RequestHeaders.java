package io.streamplane.api.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request's headers as the protocol layer reads them: names in lower case, values in order. */
final class RequestHeaders {
    private RequestHeaders() {
    }

    static Map<String, List<String>> of(HttpServerExchange exchange) {
        var headers = new LinkedHashMap<String, List<String>>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.computeIfAbsent(values.getHeaderName().toString().toLowerCase(Locale.ROOT),
                    name -> new ArrayList<>()).addAll(values);
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return headers;
    }
}

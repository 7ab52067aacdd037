package io.streamplane.api.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the protocol layer sees it: raw (still percent-encoded) path and query, header
 * names in lower case, and the body bytes.
 */
public record ApiRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                         byte[] body) {

    /** The same request with its body, once the body has arrived. */
    public ApiRequest withBody(byte[] newBody) {
        return new ApiRequest(method, rawPath, rawQuery, headers, newBody);
    }

    public Optional<String> header(String lowerCaseName) {
        var values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}

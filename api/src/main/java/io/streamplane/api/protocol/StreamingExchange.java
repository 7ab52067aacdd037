package io.streamplane.api.protocol;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its answer, for a {@link StreamingService}: the request as sent (raw path and
 * query, header names in lower case) with its body as a stream, and the answer written as a stream.
 */
public interface StreamingExchange {
    String method();

    /** The path as sent, still percent-encoded. */
    String rawPath();

    /** The query as sent, or null when there is none. */
    String rawQuery();

    Map<String, List<String>> headers();

    InputStream requestBody();

    /**
     * Sends the status and headers and returns the stream the body goes to. A {@code Content-Length}
     * among the headers is sent as given (the answer to a HEAD tells a size it does not send);
     * without one the body is sent chunked.
     */
    OutputStream respond(int status, Map<String, List<String>> headers);
}

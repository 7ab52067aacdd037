package io.streamplane.api.protocol;

import java.util.Map;

/** What to send back: status, extra headers and a JSON body (empty for 204). */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {
}

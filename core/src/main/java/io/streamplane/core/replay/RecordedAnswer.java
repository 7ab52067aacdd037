package io.streamplane.core.replay;

import java.util.Arrays;
import java.util.Map;

/** An answer as it was sent: status, headers and body. */
public record RecordedAnswer(int status, Map<String, String> headers, byte[] body) {
    public RecordedAnswer {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedAnswer answer && answer.status == status && answer.headers.equals(headers)
                && Arrays.equals(answer.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
    }
}

package io.streamplane.api.protocol;

import java.io.IOException;

/**
 * A service that takes the exchange whole, its body unread, because bodies may be of any size
 * (S3). It checks the request's signature itself.
 */
public interface StreamingService {
    /** The service name requests for it are signed with, e.g. "s3". */
    String signingName();

    void serve(StreamingExchange exchange) throws IOException;
}

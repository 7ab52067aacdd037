package io.streamplane.api.http;

import io.streamplane.api.protocol.StreamingService;
import io.undertow.server.HttpServerExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Hands a request to a service that reads its own body (S3), on a worker thread in blocking mode.
 * Its body is read only after the service has checked the signature.
 */
final class StreamingHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingHandler.class);
    /** S3 takes objects of up to 5 GiB in one PUT; a streamed body adds its chunk framing to that. */
    private static final long MAX_STREAMED_BODY_BYTES = 6L * 1024 * 1024 * 1024;

    private StreamingHandler() {
    }

    static void serve(HttpServerExchange exchange, StreamingService service) {
        exchange.setMaxEntitySize(MAX_STREAMED_BODY_BYTES);
        exchange.dispatch(() -> {
            exchange.startBlocking();
            try {
                service.serve(new UndertowStreamingExchange(exchange));
            } catch (IOException | UncheckedIOException e) {
                LOG.debug("{} client went away", service.signingName(), e);
                exchange.setPersistent(false);
            } catch (RuntimeException e) {
                LOG.error("{} request {} {} failed", service.signingName(), exchange.getRequestMethod(),
                        exchange.getRequestPath(), e);
                exchange.setPersistent(false);
            }
            exchange.endExchange();
        });
    }
}

package io.streamplane.api.http;

import io.streamplane.api.protocol.ApiGateway;
import io.streamplane.api.protocol.ApiRequest;
import io.streamplane.api.protocol.ApiResponse;
import io.streamplane.api.protocol.AwsError;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Requests of the JSON services (MSK, MSK Connect, Secrets Manager, Private CA): the body is read
 * whole without holding a thread (a caller that stalls costs a buffer, not a worker), within
 * {@link EndpointLimits}, and only then handed to the gateway on a worker thread, since handling
 * may write to the database.
 */
final class BufferedApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedApiHandler.class);
    private final ApiGateway gateway;
    private final EndpointLimits limits;
    private final LargeBodyBudget largeBodies;

    BufferedApiHandler(ApiGateway gateway, EndpointLimits limits) {
        this.gateway = gateway;
        this.limits = limits;
        this.largeBodies = new LargeBodyBudget(limits.largeBodyBudget());
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long declared = exchange.getRequestContentLength();
        if (declared > limits.maxBodyBytes()) {
            refuse(exchange, tooLarge());
            return;
        }
        var headersOnly = request(exchange);
        // A body of unknown length may be large; one beyond the first part is read only for a caller
        // whose credential holds, and only while the memory of all such bodies allows.
        if (declared < 0 || declared > limits.bodyReadBeforeSignature()) {
            Optional<ApiResponse> refusal = gateway.refuseBeforeBody(headersOnly);
            if (refusal.isPresent()) {
                refuse(exchange, refusal.get());
                return;
            }
            long reservation = declared < 0 ? limits.maxBodyBytes() : declared;
            if (!largeBodies.tryReserve(reservation)) {
                refuse(exchange, ApiGateway.error(new AwsError(429, "TooManyRequestsException",
                        "The server is receiving too many large requests at once; retry later", Optional.empty()),
                        UUID.randomUUID().toString()));
                return;
            }
            exchange.addExchangeCompleteListener((done, next) -> {
                largeBodies.release(reservation);
                next.proceed();
            });
        }
        XnioExecutor.Key deadline = exchange.getIoThread().executeAfter(() -> {
            LOG.debug("Closing a connection whose request body did not arrive within {}", limits.bodyTimeout());
            IoUtils.safeClose(exchange.getConnection());
        }, limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
            deadline.remove();
            ex.dispatch(() -> answer(ex, dispatch(headersOnly.withBody(body))));
        }, (ex, failure) -> {
            deadline.remove();
            if (failure instanceof RequestTooBigException) {
                refuse(ex, tooLarge());
            } else {
                LOG.debug("Request body not received", failure);
                IoUtils.safeClose(ex.getConnection());
            }
        });
    }

    private ApiResponse dispatch(ApiRequest request) {
        try {
            return gateway.dispatch(request);
        } catch (RuntimeException e) {
            String requestId = UUID.randomUUID().toString();
            LOG.error("Request {} {} {} failed", requestId, request.method(), request.rawPath(), e);
            return ApiGateway.error(new AwsError(500, "InternalServerErrorException", "The server could not complete "
                    + "the request; see the server log for request id " + requestId, Optional.empty()), requestId);
        }
    }

    /** The request as its line and headers give it, its body still to come. */
    private static ApiRequest request(HttpServerExchange exchange) {
        String query = exchange.getQueryString();
        return new ApiRequest(exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                query == null || query.isEmpty() ? null : query, RequestHeaders.of(exchange), new byte[0]);
    }

    /** Answers before the body is read; the connection closes after, since the unread body would follow. */
    private static void refuse(HttpServerExchange exchange, ApiResponse response) {
        exchange.setPersistent(false);
        answer(exchange, response);
    }

    static void answer(HttpServerExchange exchange, ApiResponse response) {
        exchange.setStatusCode(response.status());
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name),
                value));
        if (response.body().length == 0) {
            if (response.status() != 204 && response.status() != 304) {
                exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
            }
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
        }
    }

    private static ApiResponse tooLarge() {
        return ApiGateway.error(new AwsError(413, "RequestEntityTooLargeException", "The request body is larger "
                + "than any request of this API can be", Optional.empty()), UUID.randomUUID().toString());
    }
}

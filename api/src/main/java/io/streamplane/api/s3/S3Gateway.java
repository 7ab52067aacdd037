package io.streamplane.api.s3;

import io.streamplane.api.protocol.ApiException;
import io.streamplane.api.protocol.ApiRequest;
import io.streamplane.api.protocol.InFlightSignatures;
import io.streamplane.api.protocol.SigV4Verifier.SignedRequest;
import io.streamplane.api.protocol.SigV4Verifier;
import io.streamplane.api.protocol.StreamingExchange;
import io.streamplane.api.protocol.StreamingService;
import io.streamplane.core.objects.S3Endpoint;
import io.streamplane.core.replay.AnswerLedger;
import io.streamplane.core.replay.RecordedAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.security.DigestOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * S3 on the server's endpoint: requests signed for {@code s3} are checked here like every other
 * request (known key, region, clock skew, and the body against its signed hash or chunk
 * signatures), their streamed bodies decoded, and then forwarded to the S3 service behind the
 * server. The S3 protocol itself, buckets and objects, is that service's. A change (any method but
 * GET and HEAD) runs once per signature, as on the JSON APIs: the same signature sent again gets
 * the first answer when that was a success, from the database, across restarts.
 */
public final class S3Gateway implements StreamingService {
    private static final Logger LOG = LoggerFactory.getLogger(S3Gateway.class);
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String SIGNED_CHUNKS = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    private static final String SIGNED_CHUNKS_WITH_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    private static final String UNSIGNED_CHUNKS_WITH_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    /** Response headers that describe this hop, which the server's own HTTP layer writes. */
    private static final Set<String> HOP_HEADERS = Set.of("connection", "transfer-encoding", "keep-alive",
            "content-length", "date", ":status");
    private final SigV4Verifier verifier;
    private final S3Forwarder forwarder;
    private static final Set<String> READS = Set.of("GET", "HEAD");
    /** Answers to changes are empty or small XML documents; a larger one goes out unrecorded. */
    private static final int MAX_RECORDED_BODY = 1024 * 1024;
    private final Path spoolDirectory;
    private final AnswerLedger answers;
    private final Clock clock;
    private final InFlightSignatures inFlight = new InFlightSignatures();

    /**
     * @param spoolDirectory where upload bodies too large for memory wait until they are forwarded
     * @param answers        the first answers to signed changes, shared with the JSON APIs
     */
    public S3Gateway(SigV4Verifier verifier, S3Endpoint target, Path spoolDirectory, AnswerLedger answers,
                     Clock clock) {
        this.verifier = verifier;
        this.answers = answers;
        this.clock = clock;
        this.forwarder = new S3Forwarder(target);
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public String signingName() {
        return "s3";
    }

    @Override
    public void serve(StreamingExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        var headers = exchange.headers();
        var request = new ApiRequest(exchange.method(), exchange.rawPath(), exchange.rawQuery(), headers, new byte[0]);
        try (var body = new SpooledBody(spoolDirectory)) {
            String payloadHash = request.header("x-amz-content-sha256").orElseThrow(() -> new S3Exception(400,
                    "InvalidRequest", "Missing required header for this request: x-amz-content-sha256"));
            SignedRequest signed = verify(request);
            if (READS.contains(request.method())) {
                relay(exchange, forward(exchange, request, signed, payloadHash, body));
                return;
            }
            // A copy arriving while the first still runs waits for it, and then finds its answer.
            var hold = inFlight.hold(signed.signature());
            try {
                var first = answers.answerTo(signed.signature(), clock.instant());
                if (first.isPresent()) {
                    send(exchange, first.get());
                    return;
                }
                relayAndRecord(exchange, forward(exchange, request, signed, payloadHash, body), signed);
            } finally {
                hold.close();
            }
        } catch (S3Exception e) {
            sendError(exchange, e.status(), e.code(), e.getMessage(), requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendError(exchange, 503, "ServiceUnavailable", "The server is stopping", requestId);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("S3 request {} {} {} failed", requestId, request.method(), request.rawPath(), e);
            sendError(exchange, 503, "ServiceUnavailable", "The object store did not answer; see the server log "
                    + "for request id " + requestId, requestId);
        } catch (RuntimeException e) {
            LOG.error("S3 request {} {} {} failed", requestId, request.method(), request.rawPath(), e);
            sendError(exchange, 500, "InternalError", "The server could not complete the request; see the server "
                    + "log for request id " + requestId, requestId);
        }
    }

    /** Checks the path, the grants and the body against its signature, and forwards the request. */
    private HttpResponse<InputStream> forward(StreamingExchange exchange, ApiRequest request, SignedRequest signed,
                                              String payloadHash, SpooledBody body)
            throws IOException, InterruptedException {
        var headers = exchange.headers();
        ObjectPaths.check(request.rawPath());
        PublicAccessBlock.checkHeaders(headers);
        var checksums = new PayloadChecksums(headers, announcedTrailers(request));
        Map<String, String> trailers = receiveBody(exchange.requestBody(), payloadHash, signed,
                checksums.counting(body));
        checksums.check(headers, trailers);
        PublicAccessBlock.checkAclDocument(request.method(), request.rawQuery(), body.length(), () -> open(body));
        return forwarder.forward(request.method(), request.rawPath(), request.rawQuery(), headers,
                contentEncodingLeft(request), body.length(), () -> open(body));
    }

    private SignedRequest verify(ApiRequest request) {
        try {
            return verifier.verifyHeaders(request);
        } catch (ApiException e) {
            throw switch (e.error().type()) {
                case "MissingAuthenticationTokenException" -> new S3Exception(403, "AccessDenied",
                        e.error().message());
                case "UnrecognizedClientException" -> new S3Exception(403, "InvalidAccessKeyId",
                        "The AWS Access Key Id you provided does not exist in our records.");
                case "IncompleteSignatureException" -> new S3Exception(400, "AuthorizationHeaderMalformed",
                        e.error().message());
                default -> new S3Exception(403, "SignatureDoesNotMatch", e.error().message());
            };
        }
    }

    /**
     * Reads the whole body into {@code body}, decoded, checked against what the client signed, and
     * returns the trailing headers of a streamed body.
     */
    private static Map<String, String> receiveBody(InputStream in, String payloadHash, SignedRequest signed,
                                                   OutputStream body) throws IOException {
        switch (payloadHash) {
            case UNSIGNED_PAYLOAD -> in.transferTo(body);
            case SIGNED_CHUNKS, SIGNED_CHUNKS_WITH_TRAILER -> {
                return new AwsChunkedDecoder(Optional.of(signed)).decode(in, body);
            }
            case UNSIGNED_CHUNKS_WITH_TRAILER -> {
                return new AwsChunkedDecoder(Optional.empty()).decode(in, body);
            }
            default -> {
                if (!payloadHash.matches("[0-9a-fA-F]{64}")) {
                    throw new S3Exception(400, "InvalidArgument", "x-amz-content-sha256 must be the body's SHA-256 "
                            + "in hex, UNSIGNED-PAYLOAD, or a STREAMING- value, got '" + payloadHash + "'");
                }
                var digest = SigV4Verifier.sha256();
                in.transferTo(new DigestOutputStream(body, digest));
                if (!HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(payloadHash)) {
                    throw new S3Exception(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' "
                            + "header does not match what was computed.");
                }
            }
        }
        return Map.of();
    }

    private static List<String> announcedTrailers(ApiRequest request) {
        return request.header("x-amz-trailer").map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .map(t -> t.toLowerCase(Locale.ROOT)).toList()).orElse(List.of());
    }

    /** The client's Content-Encoding without aws-chunked, which was decoded here. */
    private static String contentEncodingLeft(ApiRequest request) {
        return request.header("content-encoding").map(value -> Arrays.stream(value.split(","))
                .map(String::strip).filter(e -> !e.isEmpty() && !e.equalsIgnoreCase("aws-chunked"))
                .collect(Collectors.joining(","))).orElse("");
    }

    private static void relay(StreamingExchange exchange, HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            var headers = new LinkedHashMap<String, List<String>>();
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, values);
                }
            });
            var length = response.headers().firstValueAsLong("content-length");
            int status = response.statusCode();
            boolean head = exchange.method().equals("HEAD");
            // A HEAD answer tells the object's size without sending it; 204 and 304 have no body at all.
            if (length.isPresent() && status != 204 && status != 304) {
                headers.put("Content-Length", List.of(Long.toString(length.getAsLong())));
            }
            try (OutputStream out = exchange.respond(status, headers)) {
                if (!head && status != 204 && status != 304) {
                    in.transferTo(out);
                }
            }
        }
    }

    /**
     * Sends the store's answer to a change, and records it for the signature when it is a success
     * small enough to keep: the same signature sent again gets it instead of changing anything.
     */
    private void relayAndRecord(StreamingExchange exchange, HttpResponse<InputStream> response, SignedRequest signed)
            throws IOException {
        try (InputStream in = response.body()) {
            byte[] start = in.readNBytes(MAX_RECORDED_BODY + 1);
            var headers = new LinkedHashMap<String, String>();
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, String.join(",", values));
                }
            });
            int status = response.statusCode();
            if (start.length <= MAX_RECORDED_BODY) {
                var answer = new RecordedAnswer(status, headers, start);
                if (status / 100 == 2) {
                    try {
                        answers.record(signed.signature(), answer, SigV4Verifier.validUntil(signed.amzDate()),
                                clock.instant());
                    } catch (RuntimeException e) {
                        // The change is made and its answer goes out; only a copy of the request could run twice.
                        LOG.error("Cannot record the answer to a signed S3 change; a copy of it would run again", e);
                    }
                }
                send(exchange, answer);
                return;
            }
            var multi = new LinkedHashMap<String, List<String>>();
            headers.forEach((name, value) -> multi.put(name, List.of(value)));
            try (OutputStream out = exchange.respond(status, multi)) {
                out.write(start);
                in.transferTo(out);
            }
        }
    }

    private static void send(StreamingExchange exchange, RecordedAnswer answer) throws IOException {
        var headers = new LinkedHashMap<String, List<String>>();
        answer.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        byte[] body = answer.body();
        boolean bodiless = answer.status() == 204 || answer.status() == 304;
        if (!bodiless) {
            headers.put("Content-Length", List.of(Integer.toString(body.length)));
        }
        try (OutputStream out = exchange.respond(answer.status(), headers)) {
            if (!bodiless) {
                out.write(body);
            }
        }
    }

    private static void sendError(StreamingExchange exchange, int status, String code, String message,
                                  String requestId) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + escape(message) + "</Message><RequestId>" + requestId + "</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        var headers = Map.of("Content-Type", List.of("application/xml"), "x-amz-request-id", List.of(requestId),
                "Content-Length", List.of(Integer.toString(xml.length)));
        try (OutputStream out = exchange.respond(status, headers)) {
            if (!exchange.method().equals("HEAD")) {
                out.write(xml);
            }
        }
    }

    private static InputStream open(SpooledBody body) {
        try {
            return body.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

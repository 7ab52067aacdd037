package io.streamplane.it;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raw HTTP requests signed with the AWS SDK's own SigV4 signer, for what an SDK client will not
 * send: a malformed body, or a signature made with a skewed clock.
 */
final class SignedHttp {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length");
    private final URI endpoint;
    private final String service;
    private final HttpClient http = HttpClient.newHttpClient();

    SignedHttp(URI endpoint) {
        this(endpoint, "kafka");
    }

    /** @param service the service requests are signed for, such as {@code kafkaconnect} */
    SignedHttp(URI endpoint, String service) {
        this.endpoint = endpoint;
        this.service = service;
    }

    HttpResponse<String> send(String method, String path, String body, Clock signingClock)
            throws IOException, InterruptedException {
        return sendTimes(1, method, path, body, signingClock).get(0);
    }

    /** Signs the request once and sends it {@code times} times, as one who captured it would. */
    List<HttpResponse<String>> sendTimes(int times, String method, String path, String body, Clock signingClock)
            throws IOException, InterruptedException {
        var captured = capture(method, path, body, signingClock);
        var responses = new ArrayList<HttpResponse<String>>();
        for (int i = 0; i < times; i++) {
            responses.add(captured.send());
        }
        return responses;
    }

    /** A request signed once, to be sent whenever and as often as the caller likes. */
    interface Captured {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    Captured capture(String method, String path, String body, Clock signingClock) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(endpoint)
                .encodedPath(path)
                .putHeader("Content-Type", "application/json")
                .contentStreamProvider(() -> new ByteArrayInputStream(bytes))
                .build();
        var signed = Aws4Signer.create().sign(unsigned, params(signingClock));
        var request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        copyHeaders(signed, request);
        return () -> http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A request with headers of the caller's choosing signed once (with its body's hash in
     * x-amz-content-sha256, which S3 asks for), to be sent whenever and as often as the caller likes.
     */
    Captured capture(String method, String path, Map<String, String> headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(endpoint)
                .encodedPath(path)
                .putHeader("x-amz-content-sha256", HexFormat.of().formatHex(sha256(bytes)))
                .contentStreamProvider(() -> new ByteArrayInputStream(bytes));
        headers.forEach(unsigned::putHeader);
        var signed = Aws4Signer.create().sign(unsigned.build(), params(Clock.systemUTC()));
        var request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        copyHeaders(signed, request);
        return () -> http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Signs {@code signedBody} with its hash in an x-amz-content-sha256 header, as some clients do,
     * then sends {@code sentBody} instead: what a man in the middle would try.
     */
    HttpResponse<String> sendWithChangedBody(String method, String path, String signedBody, String sentBody)
            throws IOException, InterruptedException {
        byte[] signedBytes = signedBody.getBytes(StandardCharsets.UTF_8);
        var unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(endpoint)
                .encodedPath(path)
                .putHeader("Content-Type", "application/json")
                .putHeader("x-amz-content-sha256", HexFormat.of().formatHex(sha256(signedBytes)))
                .contentStreamProvider(() -> new ByteArrayInputStream(signedBytes))
                .build();
        var signed = Aws4Signer.create().sign(unsigned, params(Clock.systemUTC()));
        var request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .method(method, HttpRequest.BodyPublishers.ofString(sentBody));
        copyHeaders(signed, request);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Signs and sends a request with a query and headers of the caller's choosing, as a client
     * built from the service model would send it.
     */
    HttpResponse<String> send(String method, String encodedPath, Map<String, List<String>> query,
                              Map<String, String> headers, String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(endpoint)
                .encodedPath(encodedPath)
                .rawQueryParameters(query)
                .contentStreamProvider(() -> new ByteArrayInputStream(bytes));
        headers.forEach(unsigned::putHeader);
        var signed = Aws4Signer.create().sign(unsigned.build(), params(Clock.systemUTC()));
        var request = HttpRequest.newBuilder(signed.getUri())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        copyHeaders(signed, request);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Aws4SignerParams params(Clock signingClock) {
        return Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create("test", "test"))
                .signingName(service)
                .signingRegion(Region.US_EAST_1)
                .signingClockOverride(signingClock)
                .build();
    }

    private static void copyHeaders(SdkHttpFullRequest signed, HttpRequest.Builder request) {
        signed.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> sendUnsigned(String method, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(endpoint + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}

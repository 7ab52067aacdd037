package io.streamplane.api.http;

import io.streamplane.api.protocol.ApiGateway;
import io.streamplane.api.protocol.ApiRequest;
import io.streamplane.api.protocol.ApiResponse;
import io.streamplane.api.protocol.InMemoryAnswerLedger;
import io.streamplane.api.protocol.ServiceApi;
import io.streamplane.api.protocol.SigV4Verifier;
import io.streamplane.api.protocol.StreamingExchange;
import io.streamplane.api.protocol.StreamingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The endpoint's HTTP layer on a real listener and real sockets. The services behind it are the
 * gateway with a signature check and, as the one stand-in here, a service that answers every
 * request it is given (the services themselves are tested elsewhere).
 */
class HttpEndpointTest {
    private static final Duration SHORT = Duration.ofMillis(700);
    private final AtomicReference<String> streamedPath = new AtomicReference<>();
    private HttpEndpoint endpoint;

    @BeforeEach
    void start() {
        var limits = new EndpointLimits(SHORT, Duration.ofSeconds(30), Duration.ofSeconds(5), SHORT, 1000, 8 * 1024,
                64 * 1024, 1024, 256 * 1024);
        var gateway = new ApiGateway(new SigV4Verifier(Map.of("AKID", "secret"), "us-east-1", Clock.systemUTC()),
                List.of(new AnsweringService()), new InMemoryAnswerLedger(), Clock.systemUTC());
        endpoint = HttpEndpoint.api(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Optional.empty(),
                limits, gateway, List.of(new RecordingStreamingService()), Map.of("/ca.pem",
                        new TextPage("application/x-pem-file", () -> "PEM")));
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void stalledCallers_holdNoThread_andOthersAreStillAnswered() throws Exception {
        var stalled = new ArrayList<Socket>();
        try {
            for (int i = 0; i < 200; i++) {
                var socket = connect();
                // Half a request line, then nothing.
                socket.getOutputStream().write("POST /v2/clusters HTTP/1.1\r\nHost: x\r\nContent-Le"
                        .getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }
            for (int i = 0; i < 100; i++) {
                assertThat(get("/ca.pem").statusCode()).isEqualTo(200);
                assertThat(get("/v1/clusters").statusCode()).isEqualTo(403);
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aRequestWhoseHeadersStall_isCutOffAfterTheHeaderTimeout() throws Exception {
        try (var socket = connect()) {
            socket.getOutputStream().write("GET /ca.pem HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            // The server closes the connection: end of stream, not the socket's read timeout.
            assertThatCode(() -> readUntilClosed(socket.getInputStream())).doesNotThrowAnyException();
        }
    }

    @Test
    void aBodyThatStallsHalfWay_isCutOffAfterTheBodyTimeout() throws Exception {
        try (var socket = connect()) {
            socket.getOutputStream().write(("POST /v1/clusters HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"
                    + "{\"a\":").getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEmpty();
        }
    }

    @Test
    void aBodyLargerThanAnyRequest_isRefusedWith413_beforeItIsRead() throws Exception {
        try (var socket = connect()) {
            socket.getOutputStream().write(("POST /v1/clusters HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("x-amzn-ErrorType: RequestEntityTooLargeException")
                    .contains("\"message\":\"The request body is larger than any request of this API can be\"");
        }
    }

    @Test
    void aLargeBodyFromAnUnknownKey_isRefusedBeforeItIsRead() throws Exception {
        try (var socket = connect()) {
            socket.getOutputStream().write(("POST /v1/clusters HTTP/1.1\r\nHost: x\r\nContent-Length: 50000\r\n"
                    + "X-Amz-Date: 20261203T120000Z\r\nAuthorization: AWS4-HMAC-SHA256 Credential=NOBODY/20261203/"
                    + "us-east-1/kafka/aws4_request, SignedHeaders=host;x-amz-date, Signature=abcdef\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 403").contains("x-amzn-ErrorType: UnrecognizedClientException");
        }
    }

    @Test
    void headersBeyondTheirLimit_areRefused() throws Exception {
        try (var socket = connect()) {
            socket.getOutputStream().write(("GET /ca.pem HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            String answer = new String(readUntilClosed(socket.getInputStream()), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("Connection: close");
        }
    }

    @Test
    void pagesAreServedAtTheirExactPathAndUnsignedOnly_everythingElseIsTheApis() throws Exception {
        assertThat(get("/ca.pem").body()).isEqualTo("PEM");
        assertThat(get("/ca.pem.old").statusCode()).isEqualTo(403);
        assertThat(get("/ca.pemx").headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        var signedForS3 = HttpRequest.newBuilder(uri("/ca.pem")).header("Authorization", "AWS4-HMAC-SHA256 "
                + "Credential=AKID/20261203/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc").build();
        assertThat(HttpClient.newHttpClient().send(signedForS3, HttpResponse.BodyHandlers.ofString()).body())
                .isEqualTo("streamed");
        assertThat(streamedPath.get()).isEqualTo("/ca.pem");
    }

    @Test
    void pathsReachTheServicesAsSent_encodedSlashesIncluded() throws Exception {
        var signedForS3 = HttpRequest.newBuilder(uri("/bucket/a%2Fb%20c")).header("Authorization", "AWS4-HMAC-SHA256 "
                + "Credential=AKID/20261203/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc").build();
        HttpClient.newHttpClient().send(signedForS3, HttpResponse.BodyHandlers.ofString());
        assertThat(streamedPath.get()).isEqualTo("/bucket/a%2Fb%20c");
    }

    @Test
    void aClientThatAsksBeforeSendingItsBody_isToldToContinue_andAnswered() throws Exception {
        try (var socket = connect()) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /v1/clusters HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 100");
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void aKeptAliveConnection_servesOneRequestAfterAnother() throws Exception {
        try (var socket = connect()) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write("GET /ca.pem HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String head = readHead(in);
                assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: 3");
                assertThat(new String(in.readNBytes(3), StandardCharsets.US_ASCII)).isEqualTo("PEM");
            }
        }
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), endpoint.port());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + endpoint.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed after " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /**
     * What arrives until the server closes the connection; a reset counts as a close. A server that
     * keeps it open fails the read with the socket's timeout instead.
     */
    private static byte[] readUntilClosed(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try {
            in.transferTo(bytes);
        } catch (SocketException e) {
            // A reset after (or instead of) an answer: what came before it is all there is.
        }
        return bytes.toByteArray();
    }

    /** Answers every request it is handed; the gateway only hands it signed ones. */
    private static final class AnsweringService implements ServiceApi {
        @Override
        public String signingName() {
            return "kafka";
        }

        @Override
        public ApiResponse handle(ApiRequest request, String requestId) {
            return new ApiResponse(200, Map.of("Content-Type", "application/json"), "{}".getBytes());
        }
    }

    private final class RecordingStreamingService implements StreamingService {
        @Override
        public String signingName() {
            return "s3";
        }

        @Override
        public void serve(StreamingExchange exchange) throws IOException {
            streamedPath.set(exchange.rawPath());
            byte[] body = "streamed".getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.respond(200, Map.of("Content-Length", List.of("8")))) {
                out.write(body);
            }
        }
    }
}

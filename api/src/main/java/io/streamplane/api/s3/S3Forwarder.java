package io.streamplane.api.s3;

import io.streamplane.core.objects.S3Endpoint;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sends a checked S3 request on to the S3 service behind the server (the embedded store or a real
 * S3), signed anew with the server's own credentials for it. The body goes unsigned
 * ({@code UNSIGNED-PAYLOAD}): it was checked against the client's signature before.
 */
final class S3Forwarder {
    /** Headers that describe the client's connection or signature, not the request. */
    private static final Set<String> NOT_FORWARDED = Set.of("authorization", "x-amz-date", "x-amz-content-sha256",
            "x-amz-security-token", "host", "content-length", "transfer-encoding", "connection", "expect", "upgrade",
            "keep-alive", "te", "x-amz-decoded-content-length", "x-amz-trailer", "content-encoding");
    private final S3Endpoint target;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsIdentity credentials;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    S3Forwarder(S3Endpoint target) {
        this.target = target;
        this.credentials = AwsCredentialsIdentity.create(target.accessKeyId(), target.secretAccessKey());
    }

    /**
     * @param headers the client's headers, names in lower case
     * @param contentEncoding what is left of the client's Content-Encoding once aws-chunked is decoded
     */
    HttpResponse<InputStream> forward(String method, String rawPath, String rawQuery,
                                      Map<String, List<String>> headers, String contentEncoding, long bodyLength,
                                      Supplier<InputStream> body) throws IOException, InterruptedException {
        URI uri = URI.create(target.endpoint().toString().replaceAll("/$", "") + rawPath
                + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
        var unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name) && !PayloadChecksums.HEADERS.contains(name)) {
                unsigned.putHeader(name, values);
            }
        });
        if (!contentEncoding.isEmpty()) {
            unsigned.putHeader("content-encoding", contentEncoding);
        }
        var signed = signer.sign(r -> r.identity(credentials)
                .request(unsigned.build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, target.region())
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10));
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        request.method(method, bodyLength == 0 ? BodyPublishers.noBody()
                : BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(body), bodyLength));
        return http.send(request.build(), BodyHandlers.ofInputStream());
    }
}

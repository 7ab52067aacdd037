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
import java.time.Clock;
import java.util.Set;

/**
 * Raw HTTP requests signed with the AWS SDK's own SigV4 signer, for what an SDK client will not
 * send: a malformed body, or a signature made with a skewed clock.
 */
final class SignedHttp {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length");
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    SignedHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    HttpResponse<String> send(String method, String path, String body, Clock signingClock)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(endpoint)
                .encodedPath(path)
                .putHeader("Content-Type", "application/json")
                .contentStreamProvider(() -> new ByteArrayInputStream(bytes))
                .build();
        var params = Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create("test", "test"))
                .signingName("kafka")
                .signingRegion(Region.US_EAST_1)
                .signingClockOverride(signingClock)
                .build();
        var signed = Aws4Signer.create().sign(unsigned, params);
        var request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        signed.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> sendUnsigned(String method, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(endpoint + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.streamplane.api.s3;

import io.streamplane.api.protocol.SigV4Verifier.SignedRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsChunkedDecoderTest {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final SignedRequest SEED = new SignedRequest("s3", "20261201T120000Z",
            "20261201/us-east-1/s3/aws4_request", "a signing key".getBytes(StandardCharsets.UTF_8),
            "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");

    @Test
    void signedChunks_decodeToThePayload_withTheirTrailers() throws IOException {
        byte[] body = signedBody(List.of("hello ", "world"), Map.of("x-amz-checksum-crc32", "DUoRhQ=="));

        var out = new ByteArrayOutputStream();
        var trailers = new AwsChunkedDecoder(Optional.of(SEED)).decode(new ByteArrayInputStream(body), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(trailers).containsExactly(Map.entry("x-amz-checksum-crc32", "DUoRhQ=="));
    }

    @Test
    void aChangedChunk_isRefused() {
        byte[] body = signedBody(List.of("hello ", "world"), Map.of());
        String text = new String(body, StandardCharsets.ISO_8859_1).replace("world", "w0rld");

        assertThatThrownBy(() -> new AwsChunkedDecoder(Optional.of(SEED)).decode(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                });
    }

    @Test
    void aChangedTrailer_isRefused() {
        byte[] body = signedBody(List.of("hello"), Map.of("x-amz-checksum-crc32", "NhCmhg=="));
        String text = new String(body, StandardCharsets.ISO_8859_1).replace("NhCmhg==", "AAAAAA==");

        assertThatThrownBy(() -> new AwsChunkedDecoder(Optional.of(SEED)).decode(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void unsignedChunks_decodeWithoutSignatures() throws IOException {
        String body = "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n";

        var out = new ByteArrayOutputStream();
        var trailers = new AwsChunkedDecoder(Optional.empty()).decode(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(trailers).containsEntry("x-amz-checksum-crc32", "DUoRhQ==");
    }

    @Test
    void aBodyCutShort_isAnIncompleteBody() {
        String body = "10\r\nhello";

        assertThatThrownBy(() -> new AwsChunkedDecoder(Optional.empty()).decode(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("IncompleteBody");
                });
    }

    @Test
    void aChunkLargerThanTheCopyBuffer_decodesWhole_andItsSignatureStillCovers() throws IOException {
        String large = "x".repeat(300_000) + "end";
        byte[] body = signedBody(List.of(large, "tail"), Map.of());

        var out = new ByteArrayOutputStream();
        new AwsChunkedDecoder(Optional.of(SEED)).decode(new ByteArrayInputStream(body), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(large + "tail");

        String changed = new String(body, StandardCharsets.ISO_8859_1).replace("xend", "yend");
        assertThatThrownBy(() -> new AwsChunkedDecoder(Optional.of(SEED)).decode(
                new ByteArrayInputStream(changed.getBytes(StandardCharsets.ISO_8859_1)), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void aChunkAnnouncingGigabytes_endsAsAnIncompleteBody_withoutWaitingToHoldThem() {
        String body = "7fffffff\r\nonly a little";

        assertThatThrownBy(() -> new AwsChunkedDecoder(Optional.empty()).decode(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.getMessage())
                        .contains("2147483647 bytes of chunk data, but the body ended"));
    }

    @Test
    void endlessTrailers_areRefused() {
        String body = "0\r\n" + "x-amz-meta-a:b\r\n".repeat(100) + "\r\n";

        assertThatThrownBy(() -> new AwsChunkedDecoder(Optional.empty()).decode(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.getMessage())
                        .contains("at most 16 trailing headers"));
    }

    /** A body as AWS SDKs stream it: each chunk signed over the previous signature, then the trailer. */
    private static byte[] signedBody(List<String> chunks, Map<String, String> trailers) {
        var body = new StringBuilder();
        String previous = SEED.signature();
        for (String chunk : chunks) {
            previous = chunkSignature(previous, chunk);
            body.append(Integer.toHexString(chunk.length())).append(";chunk-signature=").append(previous)
                    .append("\r\n").append(chunk).append("\r\n");
        }
        previous = chunkSignature(previous, "");
        body.append("0;chunk-signature=").append(previous).append("\r\n");
        if (!trailers.isEmpty()) {
            var canonical = new StringBuilder();
            trailers.forEach((k, v) -> {
                body.append(k).append(':').append(v).append("\r\n");
                canonical.append(k).append(':').append(v).append('\n');
            });
            String trailerSignature = SEED.sign("AWS4-HMAC-SHA256-TRAILER\n" + SEED.amzDate() + "\n" + SEED.scope()
                    + "\n" + previous + "\n" + sha256(canonical.toString()));
            body.append("x-amz-trailer-signature:").append(trailerSignature).append("\r\n");
        }
        body.append("\r\n");
        return body.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String chunkSignature(String previous, String chunk) {
        return SEED.sign("AWS4-HMAC-SHA256-PAYLOAD\n" + SEED.amzDate() + "\n" + SEED.scope() + "\n" + previous + "\n"
                + EMPTY_SHA256 + "\n" + sha256(chunk));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

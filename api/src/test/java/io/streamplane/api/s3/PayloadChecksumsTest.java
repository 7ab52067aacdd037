package io.streamplane.api.s3;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadChecksumsTest {
    // CRC32 of "hello", base64 of its four big-endian bytes, as S3 clients send it.
    private static final String CRC32_OF_HELLO = "NhCmhg==";

    @Test
    void aChecksumHeaderThatMatches_passes() throws IOException {
        var headers = Map.of("x-amz-checksum-crc32", List.of(CRC32_OF_HELLO));
        var checksums = new PayloadChecksums(headers, List.of());
        var out = new ByteArrayOutputStream();
        checksums.counting(out).write("hello".getBytes(StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThatCode(() -> checksums.check(headers, Map.of())).doesNotThrowAnyException();
    }

    @Test
    void aTrailerThatDoesNotMatch_isABadDigest() throws IOException {
        var checksums = new PayloadChecksums(Map.of(), List.of("x-amz-checksum-crc32"));
        checksums.counting(new ByteArrayOutputStream()).write("hellO".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> checksums.check(Map.of(), Map.of("x-amz-checksum-crc32", CRC32_OF_HELLO)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("BadDigest");
                });
    }

    @Test
    void anAnnouncedTrailerThatNeverCame_isRefused() {
        var checksums = new PayloadChecksums(Map.of(), List.of("x-amz-checksum-sha256"));

        assertThatThrownBy(() -> checksums.check(Map.of(), Map.of()))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("InvalidRequest"));
    }
}

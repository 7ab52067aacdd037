package io.streamplane.api.s3;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectPathsTest {

    @Test
    void pathsThatLeaveTheirBucket_areRefused_howeverTheyAreEncoded() {
        for (String path : new String[] {"/%2e%2e/security/ca.key", "/bkt1/..%2f..%2fsecurity%2fca.key",
                "/bkt1/a/../../b", "/bkt1/%2E%2E", "/./bkt1/k", "/bkt1/k/."}) {
            assertThatThrownBy(() -> ObjectPaths.check(path)).as(path)
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("InvalidArgument");
                    });
        }
    }

    @Test
    void ordinaryKeys_dotsAndEncodedSlashesIncluded_pass() {
        for (String path : new String[] {"/bkt1/a%2Fb", "/bkt1/...", "/bkt1/a..b/.c", "/bkt1/dir/file.txt", "/",
                "/bkt1/a+b%20c"}) {
            assertThatCode(() -> ObjectPaths.check(path)).as(path).doesNotThrowAnyException();
        }
    }

    @Test
    void aBrokenEscape_isAnInvalidUri() {
        assertThatThrownBy(() -> ObjectPaths.check("/bkt1/a%2")).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.code()).isEqualTo("InvalidURI"));
    }
}

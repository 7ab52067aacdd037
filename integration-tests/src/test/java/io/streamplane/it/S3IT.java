package io.streamplane.it;

import io.streamplane.testkit.StreamplaneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Type;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * S3 on the server's endpoint, through the AWS SDK's own S3 client in its default configuration
 * (streamed, chunk-signed uploads with checksum trailers over plain HTTP), as MSK Connect users
 * upload their plugins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3IT {
    private StreamplaneFixture streamplane;
    private S3Client s3;

    @BeforeAll
    void start() {
        streamplane = StreamplaneFixture.start();
        s3 = streamplane.s3Client();
    }

    @AfterAll
    void stop() {
        streamplane.close();
    }

    @Test
    void objectsPutAreListedAndReadBack_andKeptUnderTheDataDirectory() throws Exception {
        s3.createBucket(r -> r.bucket("plugins"));
        byte[] plugin = randomBytes(3 * 1024 * 1024 + 17);
        s3.putObject(r -> r.bucket("plugins").key("debezium/connector.zip"), RequestBody.fromBytes(plugin));
        s3.putObject(r -> r.bucket("plugins").key("notes.txt").contentType("text/plain"),
                RequestBody.fromString("hello"));

        assertThat(s3.listObjectsV2(r -> r.bucket("plugins")).contents()).extracting(S3Object::key, S3Object::size)
                .containsExactly(tuple("debezium/connector.zip", (long) plugin.length),
                        tuple("notes.txt", 5L));
        assertThat(s3.getObject(r -> r.bucket("plugins").key("debezium/connector.zip"),
                ResponseTransformer.toBytes()).asByteArray()).isEqualTo(plugin);
        var head = s3.headObject(r -> r.bucket("plugins").key("notes.txt"));
        assertThat(head.contentLength()).isEqualTo(5L);
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(Files.exists(streamplane.dataDir().resolve("s3").resolve("plugins").resolve("notes.txt")))
                .as("objects live under <data-dir>/s3").isTrue();

        s3.deleteObject(r -> r.bucket("plugins").key("notes.txt"));
        assertThatThrownBy(() -> s3.headObject(r -> r.bucket("plugins").key("notes.txt")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3.getObject(r -> r.bucket("plugins").key("missing.zip")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void bucketsNamedLikeTheServersOwnPages_areBucketsLikeAnyOther() {
        for (String bucket : new String[] {"ca.pem", "metrics-archive", "metrics"}) {
            s3.createBucket(r -> r.bucket(bucket));
            s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("in " + bucket));
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k")).asUtf8String()).isEqualTo("in " + bucket);
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(S3Object::key)
                    .containsExactly("k");
        }
    }

    @Test
    void keysThatWouldLeaveTheirBucket_areRefusedWithS3sOwnError() {
        s3.createBucket(r -> r.bucket("bkt1"));
        for (String key : new String[] {"../../security/ca.key", "a/../../../security/ca.key"}) {
            assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket("bkt1").key(key)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                    });
            assertThatThrownBy(() -> s3.putObject(r -> r.bucket("bkt1").key(key), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        }
    }

    @Test
    void grantsToEveryone_areRefusedAsWithPublicAccessBlocked_andPrivateOnesWork() {
        s3.createBucket(r -> r.bucket("grants"));
        assertAccessDenied(() -> s3.createBucket(r -> r.bucket("open").acl(BucketCannedACL.PUBLIC_READ)));
        assertAccessDenied(() -> s3.putObject(r -> r.bucket("grants").key("k").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("x")));
        assertAccessDenied(() -> s3.putObject(r -> r.bucket("grants").key("k")
                .grantRead("uri=\"http://acs.amazonaws.com/groups/global/AllUsers\""), RequestBody.fromString("x")));
        assertThat(s3.listObjectsV2(r -> r.bucket("grants")).contents()).as("nothing refused was stored").isEmpty();

        s3.putObject(r -> r.bucket("grants").key("k").acl(ObjectCannedACL.PRIVATE), RequestBody.fromString("x"));
        var owner = s3.getObjectAcl(r -> r.bucket("grants").key("k")).owner();
        assertAccessDenied(() -> s3.putObjectAcl(r -> r.bucket("grants").key("k").accessControlPolicy(p -> p
                .owner(owner).grants(Grant.builder().permission(Permission.READ).grantee(g -> g.type(Type.GROUP)
                        .uri("http://acs.amazonaws.com/groups/global/AllUsers")).build()))));
        assertThat(s3.getObjectAcl(r -> r.bucket("grants").key("k")).grants())
                .noneMatch(g -> g.grantee().uri() != null && g.grantee().uri().contains("AllUsers"));
    }

    private static void assertAccessDenied(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        });
    }

    @Test
    void aMultipartUpload_isAssembledInOrder() {
        s3.createBucket(r -> r.bucket("multipart"));
        byte[] first = randomBytes(5 * 1024 * 1024);
        byte[] second = randomBytes(1024);
        String uploadId = s3.createMultipartUpload(r -> r.bucket("multipart").key("big.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        String etag1 = s3.uploadPart(r -> r.bucket("multipart").key("big.bin").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String etag2 = s3.uploadPart(r -> r.bucket("multipart").key("big.bin").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        s3.completeMultipartUpload(r -> r.bucket("multipart").key("big.bin").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(etag2).build())));

        byte[] whole = s3.getObjectAsBytes(r -> r.bucket("multipart").key("big.bin")).asByteArray();
        assertThat(whole).hasSize(first.length + second.length);
        assertThat(Arrays.copyOfRange(whole, first.length, whole.length)).isEqualTo(second);
    }

    @Test
    void aRequestSignedWithAnUnknownKeyOrTheWrongSecret_isRefused_andStoresNothing() {
        s3.createBucket(r -> r.bucket("guarded"));
        try (var stranger = streamplane.s3Client("AKIDSTRANGER", "whatever");
             var wrongSecret = streamplane.s3Client(StreamplaneFixture.ACCESS_KEY_ID, "not-the-secret")) {
            assertThatThrownBy(() -> stranger.putObject(r -> r.bucket("guarded").key("x"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
                    });
            assertThatThrownBy(() -> wrongSecret.putObject(r -> r.bucket("guarded").key("x"),
                    RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    });
        }
        assertThat(s3.listObjectsV2(r -> r.bucket("guarded")).contents()).isEmpty();
    }

    @Test
    void theSecondConfiguredAccessKey_worksForS3Too() {
        try (var operations = streamplane.s3Client(StreamplaneFixture.SECOND_ACCESS_KEY_ID,
                StreamplaneFixture.SECOND_SECRET_ACCESS_KEY)) {
            operations.createBucket(r -> r.bucket("operations"));
            operations.putObject(r -> r.bucket("operations").key("k"), RequestBody.fromString("v"));
        }
        assertThat(s3.getObjectAsBytes(r -> r.bucket("operations").key("k")).asUtf8String()).isEqualTo("v");
    }

    @Test
    void theStoreBehindTheServer_refusesRequestsThatDoNotComeThroughIt() throws Exception {
        // Every bucket lives in the embedded store on a loopback port of its own; asked directly, even
        // with a client's valid key, it refuses: only the server's own key is accepted there.
        var embedded = streamplane.embeddedS3Endpoint();
        try (var direct = StreamplaneFixture.s3Client(embedded, StreamplaneFixture.ACCESS_KEY_ID,
                StreamplaneFixture.SECRET_ACCESS_KEY)) {
            assertThatThrownBy(direct::listBuckets).isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        var unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(streamplane.endpoint()
                .resolve("/plugins")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(unsigned.statusCode()).isEqualTo(403);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}

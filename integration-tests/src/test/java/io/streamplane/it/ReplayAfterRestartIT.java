package io.streamplane.it;

import io.streamplane.testkit.ServerProcess;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.TemporaryDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests captured as they went by and sent again after the server was killed and started anew:
 * a PutSecretValue of a password rotated since, and an S3 PUT of an object written over since.
 * Each gets its first answer again, from the database, and changes nothing: the rotated password
 * and the newer object stay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayAfterRestartIT {
    private final Path log = Path.of("target", "replay-test-server.log").toAbsolutePath();
    private TemporaryDirectory work;
    private ServerProcess server;

    @BeforeAll
    void start() throws Exception {
        work = TemporaryDirectory.create("streamplane-replay");
        Files.deleteIfExists(log);
        server = ServerProcess.start(work.path().resolve("data"), StreamplaneFixture.freeNodeNetwork(), log);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            server.stop();
        } finally {
            server.close();
            work.close();
        }
    }

    @Test
    void capturedChanges_sentAgainAfterARestart_getTheirFirstAnswer_andChangeNothing() throws Exception {
        var secrets = StreamplaneFixture.secretsManagerClient(server.endpoint());
        String secretArn = secrets.createSecret(r -> r.name("AmazonMSK_replay")
                .secretString("{\"username\":\"alice\",\"password\":\"first-password\"}")).arn();
        var s3 = StreamplaneFixture.s3Client(server.endpoint(), StreamplaneFixture.ACCESS_KEY_ID,
                StreamplaneFixture.SECRET_ACCESS_KEY);
        s3.createBucket(r -> r.bucket("replayed"));

        var secretCapture = new SignedHttp(server.endpoint(), "secretsmanager").capture("POST", "/",
                Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "secretsmanager.PutSecretValue"),
                "{\"SecretId\":\"" + secretArn + "\",\"SecretString\":"
                        + "\"{\\\"username\\\":\\\"alice\\\",\\\"password\\\":\\\"captured-password\\\"}\"}");
        var objectCapture = new SignedHttp(server.endpoint(), "s3").capture("PUT", "/replayed/report.txt",
                Map.of("Content-Type", "text/plain"), "the captured version");
        HttpResponse<String> firstPut = secretCapture.send();
        HttpResponse<String> firstObject = objectCapture.send();
        assertThat(firstPut.statusCode()).as(firstPut.body()).isEqualTo(200);
        assertThat(firstObject.statusCode()).as(firstObject.body()).isEqualTo(200);

        // Rotated and overwritten since; then the server is killed and starts again on its port.
        secrets.putSecretValue(r -> r.secretId(secretArn)
                .secretString("{\"username\":\"alice\",\"password\":\"rotated-password\"}"));
        s3.putObject(r -> r.bucket("replayed").key("report.txt"), RequestBody.fromString("the newer version"));
        int port = server.endpoint().getPort();
        server.kill();
        server = ServerProcess.startOnPort(work.path().resolve("data"), StreamplaneFixture.freeNodeNetwork(), log,
                port);

        var replayedPut = secretCapture.send();
        var replayedObject = objectCapture.send();

        assertThat(replayedPut.statusCode()).isEqualTo(200);
        assertThat(replayedPut.body()).isEqualTo(firstPut.body());
        assertThat(replayedObject.statusCode()).isEqualTo(200);
        assertThat(replayedObject.headers().firstValue("ETag")).isEqualTo(firstObject.headers().firstValue("ETag"));
        var secretsNow = StreamplaneFixture.secretsManagerClient(server.endpoint());
        assertThat(secretsNow.getSecretValue(r -> r.secretId(secretArn)).secretString()).contains("rotated-password");
        var s3Now = StreamplaneFixture.s3Client(server.endpoint(), StreamplaneFixture.ACCESS_KEY_ID,
                StreamplaneFixture.SECRET_ACCESS_KEY);
        assertThat(s3Now.getObjectAsBytes(r -> r.bucket("replayed").key("report.txt")).asUtf8String())
                .isEqualTo("the newer version");
    }
}

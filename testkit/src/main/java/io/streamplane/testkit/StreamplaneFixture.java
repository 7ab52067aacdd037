package io.streamplane.testkit;

import io.streamplane.runtime.local.KafkaDistributions;
import io.streamplane.server.EndpointConfig;
import io.streamplane.server.ServerConfig;
import io.streamplane.server.StreamplaneServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acmpca.AcmPcaClient;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A real Streamplane server in this JVM, on a free port, with its own data directory and its own
 * block of loopback addresses, so tests never collide with each other or with a server someone
 * runs by hand. Closing it stops every Kafka node it started.
 */
public final class StreamplaneFixture implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "test";
    public static final String SECRET_ACCESS_KEY = "test";
    /** A second key the server also accepts, as operators configure several. */
    public static final String SECOND_ACCESS_KEY_ID = "AKIDOPERATIONS";
    public static final String SECOND_SECRET_ACCESS_KEY = "operations-secret";
    /** Autoscaling decides on three samples: at 2 s instead of 10 s a test sees a connector scale in seconds. */
    private static final Duration AUTOSCALING_SAMPLE_INTERVAL = Duration.ofSeconds(2);
    private final StreamplaneServer server;
    private final TemporaryDirectory dataDir;

    private StreamplaneFixture(StreamplaneServer server, TemporaryDirectory dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    public static StreamplaneFixture start() {
        return start(freeNodeNetwork());
    }

    /** A server whose nodes take their addresses from the given block, e.g. {@code 127.123}. */
    public static StreamplaneFixture start(String nodeNetwork) {
        return start(nodeNetwork, ServerConfig.maxMemoryMegabytes(""));
    }

    /** A server that gives its nodes and workers at most {@code maxMemoryMegabytes} ({@code --max-memory}). */
    public static StreamplaneFixture start(String nodeNetwork, long maxMemoryMegabytes) {
        var dataDir = TemporaryDirectory.create("streamplane-test");
        return new StreamplaneFixture(StreamplaneServer.start(config(dataDir.path(), nodeNetwork, maxMemoryMegabytes)),
                dataDir);
    }

    private static ServerConfig config(Path dataDir, String nodeNetwork, long maxMemoryMegabytes) {
        return new ServerConfig(EndpointConfig.loopback(0, 0), dataDir, REGION, "000000000000", ACCESS_KEY_ID, SECRET_ACCESS_KEY,
                Map.of(SECOND_ACCESS_KEY_ID, SECOND_SECRET_ACCESS_KEY),
                Optional.empty(), "", "", nodeNetwork, kafkaDistributions(),
                kafkaCache().orElse(dataDir.resolve("cache").resolve("kafka")),
                KafkaDistributions.defaultMavenRepository(), true, Optional.empty(), AUTOSCALING_SAMPLE_INTERVAL,
                maxMemoryMegabytes);
    }

    /** A block of loopback addresses no other server of this machine's tests is using (see {@link NodeNetworks}). */
    public static String freeNodeNetwork() {
        return NodeNetworks.claim();
    }

    public static Path kafkaDistributions() {
        String configured = System.getProperty("streamplane.kafka.distributions");
        if (configured == null) {
            throw new IllegalStateException("Set the system property streamplane.kafka.distributions to the "
                    + "kafka-dist/target/kafka directory");
        }
        return Path.of(configured).toAbsolutePath();
    }

    /**
     * Where fetched Kafka releases are kept across tests (system property streamplane.kafka.cache),
     * so that a release is downloaded once per build rather than once per test.
     */
    public static Optional<Path> kafkaCache() {
        return Optional.ofNullable(System.getProperty("streamplane.kafka.cache")).map(p -> Path.of(p).toAbsolutePath());
    }

    public URI endpoint() {
        return URI.create(server.endpoint());
    }

    /** The Prometheus page, on the server's loopback metrics port. */
    public URI metricsEndpoint() {
        return server.metricsEndpoint();
    }

    public Path dataDir() {
        return dataDir.path();
    }

    public KafkaClient kafkaClient() {
        return kafkaClient(endpoint(), ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    public static KafkaClient kafkaClient(URI endpoint, String accessKeyId, String secretAccessKey) {
        return pointedAt(KafkaClient.builder(), endpoint, accessKeyId, secretAccessKey);
    }

    /** A Secrets Manager client for the same endpoint, as MSK's SASL/SCRAM users have one. */
    public SecretsManagerClient secretsManagerClient() {
        return secretsManagerClient(endpoint());
    }

    public static SecretsManagerClient secretsManagerClient(URI endpoint) {
        return pointedAt(SecretsManagerClient.builder(), endpoint, ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    /** A Private CA client for the same endpoint, for the CAs that mutual TLS names. */
    public AcmPcaClient privateCaClient() {
        return pointedAt(AcmPcaClient.builder(), endpoint(), ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    /** An MSK Connect client for the same endpoint. */
    public KafkaConnectClient kafkaConnectClient() {
        return kafkaConnectClient(endpoint());
    }

    public static KafkaConnectClient kafkaConnectClient(URI endpoint) {
        return pointedAt(KafkaConnectClient.builder(), endpoint, ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    /** An S3 client for the same endpoint; path-style, since bucket names are no host names here. */
    public S3Client s3Client() {
        return s3Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    public S3Client s3Client(String accessKeyId, String secretAccessKey) {
        return s3Client(endpoint(), accessKeyId, secretAccessKey);
    }

    public static S3Client s3Client(URI endpoint, String accessKeyId, String secretAccessKey) {
        return pointedAt(S3Client.builder().forcePathStyle(true), endpoint, accessKeyId, secretAccessKey);
    }

    /** The embedded S3 behind the server, which only the server itself may use. */
    public URI embeddedS3Endpoint() {
        return server.embeddedS3Endpoint().orElseThrow();
    }

    /** The certificate of the installation's CA, as clients fetch it to trust the brokers' TLS listeners. */
    public String caCertificate() {
        return caCertificate(endpoint());
    }

    public static String caCertificate(URI endpoint) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/ca.pem"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /ca.pem answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An AWS SDK client of any service, signing with the key for this server's endpoint and region. */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C pointedAt(
            B builder, URI endpoint, String accessKeyId, String secretAccessKey) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    /**
     * Ends a test class's server and cluster, whichever of them was made: kills what is left of the
     * cluster's nodes (a test that failed half-way may have left some), then stops the server.
     */
    public static void stop(StreamplaneFixture fixture, String clusterArn) {
        if (clusterArn != null) {
            NodeProcesses.killAll(clusterArn);
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Override
    public void close() {
        server.close();
        dataDir.close();
    }
}

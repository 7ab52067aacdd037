package io.streamplane.connect.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** The bucket the connector writes to: objects put with their last offset, and the last one found again. */
final class S3Objects implements AutoCloseable {
    /** User metadata on every object: the offset of its last record. */
    static final String LAST_OFFSET = "last-offset";
    private final S3Client s3;
    private final String bucket;

    S3Objects(S3SinkConfig config) {
        var builder = S3Client.builder().region(Region.of(config.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true));
        AwsCredentialsProvider credentials = config.accessKeyId().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId().get(),
                        config.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
        builder.credentialsProvider(credentials);
        this.s3 = builder.build();
        this.bucket = config.bucket();
    }

    void put(String key, byte[] content, long lastOffset) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/x-ndjson")
                .metadata(Map.of(LAST_OFFSET, Long.toString(lastOffset))), RequestBody.fromBytes(content));
    }

    /** The offset of the last record under the prefix, from the object that starts latest. */
    Optional<Long> lastOffset(String prefix, ObjectKeys keys) {
        var latest = s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .filter(k -> keys.startOffset(k).isPresent())
                .max(Comparator.comparingLong(k -> keys.startOffset(k).orElseThrow()));
        return latest.map(key -> Long.parseLong(s3.headObject(r -> r.bucket(bucket).key(key)).metadata()
                .get(LAST_OFFSET)));
    }

    @Override
    public void close() {
        s3.close();
    }
}

package io.streamplane.objectstore;

import io.streamplane.core.objects.ObjectStorage;
import io.streamplane.core.objects.S3Endpoint;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** {@link ObjectStorage} through the AWS SDK's S3 client, on the S3 the server keeps objects in. */
public final class SdkObjectStorage implements ObjectStorage, AutoCloseable {
    private final S3Client s3;

    public SdkObjectStorage(S3Endpoint endpoint) {
        this.s3 = S3Client.builder()
                .endpointOverride(endpoint.endpoint())
                .region(Region.of(endpoint.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        endpoint.accessKeyId(), endpoint.secretAccessKey())))
                .forcePathStyle(true)
                // Flexible checksums only where S3 requires them: the embedded store does not know them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Override
    public Optional<Long> size(String bucket, String key, Optional<String> version) {
        var request = HeadObjectRequest.builder().bucket(bucket).key(key);
        version.ifPresent(request::versionId);
        try {
            return Optional.of(s3.headObject(request.build()).contentLength());
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public byte[] firstBytes(String bucket, String key, Optional<String> version, int count) {
        return s3.getObject(get(bucket, key, version).range("bytes=0-" + (count - 1)).build(),
                ResponseTransformer.toBytes()).asByteArray();
    }

    @Override
    public void download(String bucket, String key, Optional<String> version, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (var in = s3.getObject(get(bucket, key, version).build())) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot download s3://" + bucket + "/" + key + " to " + target, e);
        }
    }

    @Override
    public void upload(Path file, String bucket, String key) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(file));
    }

    private static GetObjectRequest.Builder get(String bucket, String key, Optional<String> version) {
        var request = GetObjectRequest.builder().bucket(bucket).key(key);
        version.ifPresent(request::versionId);
        return request;
    }

    @Override
    public void close() {
        s3.close();
    }
}

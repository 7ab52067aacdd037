package io.streamplane.core.objects;

import java.net.URI;
import java.util.Objects;

/**
 * An S3 service the server keeps objects in and forwards S3 requests to: the embedded store on
 * this machine, or a real S3. The credentials are the server's own for that service, never a
 * client's.
 */
public record S3Endpoint(URI endpoint, String region, String accessKeyId, String secretAccessKey) {
    public S3Endpoint {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "S3Endpoint[" + endpoint + ", " + region + ", " + accessKeyId + "]";
    }
}

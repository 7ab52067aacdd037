package io.streamplane.core.connect;

/** Where worker logs are copied in S3: a bucket, and a key prefix that may be empty. */
public record S3LogDelivery(String bucket, String prefix) {
}

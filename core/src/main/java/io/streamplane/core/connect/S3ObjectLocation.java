package io.streamplane.core.connect;

import io.streamplane.core.error.InvalidRequest;

import java.util.Optional;
import java.util.regex.Pattern;

/** An object in S3 as MSK Connect names it: the bucket's ARN, the key, and optionally a version. */
public record S3ObjectLocation(String bucketArn, String fileKey, Optional<String> objectVersion) {
    private static final Pattern BUCKET_ARN = Pattern.compile("arn:aws[a-z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])");

    /** Checks the bucket ARN's form; {@code field} is the request member it came in. */
    public static S3ObjectLocation of(String bucketArn, String fileKey, Optional<String> objectVersion, String field) {
        if (!BUCKET_ARN.matcher(bucketArn).matches()) {
            throw new InvalidRequest(field + ".bucketArn", field + ".bucketArn must be an S3 bucket ARN such as "
                    + "arn:aws:s3:::my-bucket, got '" + bucketArn + "'");
        }
        if (fileKey.isEmpty()) {
            throw new InvalidRequest(field + ".fileKey", field + ".fileKey must name the object");
        }
        return new S3ObjectLocation(bucketArn, fileKey, objectVersion);
    }

    public String bucket() {
        var m = BUCKET_ARN.matcher(bucketArn);
        if (!m.matches()) {
            throw new IllegalStateException("Not a bucket ARN: " + bucketArn);
        }
        return m.group(1);
    }

    @Override
    public String toString() {
        return "s3://" + bucket() + "/" + fileKey + objectVersion.map(v -> " (version " + v + ")").orElse("");
    }
}

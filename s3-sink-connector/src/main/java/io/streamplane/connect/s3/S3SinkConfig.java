package io.streamplane.connect.s3;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

import java.util.Map;
import java.util.Optional;

/** The connector's settings, checked by Connect before the connector starts. */
final class S3SinkConfig extends AbstractConfig {
    static final String BUCKET = "s3.bucket.name";
    static final String PREFIX = "s3.prefix";
    static final String REGION = "s3.region";
    static final String ENDPOINT = "s3.endpoint";
    static final String ACCESS_KEY_ID = "aws.access.key.id";
    static final String SECRET_ACCESS_KEY = "aws.secret.access.key";
    static final String COMPRESSION = "format.compression";
    static final String FLUSH_SIZE = "flush.size";
    static final String ROTATE_INTERVAL_MS = "rotate.interval.ms";

    static final ConfigDef DEFINITION = new ConfigDef()
            .define(BUCKET, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The bucket the records are written to.")
            .define(PREFIX, Type.STRING, "", Importance.MEDIUM,
                    "A key prefix for every object, such as 'raw/'; objects go under PREFIX/TOPIC/partition=N/.")
            .define(REGION, Type.STRING, "us-east-1", Importance.MEDIUM, "The bucket's region.")
            .define(ENDPOINT, Type.STRING, "", Importance.MEDIUM,
                    "An S3 endpoint to use instead of AWS's, such as the Streamplane server's; path-style requests.")
            .define(ACCESS_KEY_ID, Type.STRING, "", Importance.MEDIUM,
                    "The access key to sign with; empty for the AWS SDK's default credentials chain.")
            .define(SECRET_ACCESS_KEY, Type.PASSWORD, "", Importance.MEDIUM, "The secret of that access key.")
            .define(COMPRESSION, Type.STRING, "none", ConfigDef.ValidString.in("none", "gzip"), Importance.MEDIUM,
                    "none for .jsonl objects, gzip for .jsonl.gz.")
            .define(FLUSH_SIZE, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.HIGH,
                    "The most records an object holds; an object is written once it has this many.")
            .define(ROTATE_INTERVAL_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(1), Importance.HIGH,
                    "An object is written at the latest this long after its first record arrived.");

    S3SinkConfig(Map<String, String> settings) {
        super(DEFINITION, settings);
    }

    String bucket() {
        return getString(BUCKET);
    }

    /** The prefix without slashes at its ends; empty for none. */
    String prefix() {
        return getString(PREFIX).replaceAll("^/+|/+$", "");
    }

    String region() {
        return getString(REGION);
    }

    Optional<String> endpoint() {
        return Optional.of(getString(ENDPOINT)).filter(e -> !e.isBlank());
    }

    Optional<String> accessKeyId() {
        return Optional.of(getString(ACCESS_KEY_ID)).filter(k -> !k.isBlank());
    }

    String secretAccessKey() {
        Password secret = getPassword(SECRET_ACCESS_KEY);
        return secret == null ? "" : secret.value();
    }

    boolean gzip() {
        return getString(COMPRESSION).equals("gzip");
    }

    int flushSize() {
        return getInt(FLUSH_SIZE);
    }

    long rotateIntervalMs() {
        return getLong(ROTATE_INTERVAL_MS);
    }
}

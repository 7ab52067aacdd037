package io.streamplane.core.objects;

import java.nio.file.Path;
import java.util.Optional;

/** Objects users keep in S3 (custom plugins, worker logs), with the server's own credentials. */
public interface ObjectStorage {
    /** The object's size, or empty if the bucket, the key or the version does not exist. */
    Optional<Long> size(String bucket, String key, Optional<String> version);

    /** The object's first bytes, at most {@code count}. */
    byte[] firstBytes(String bucket, String key, Optional<String> version, int count);

    /** Copies the object to {@code target}, replacing what was there. */
    void download(String bucket, String key, Optional<String> version, Path target);

    /** Puts the file's content as the object, replacing what was there. */
    void upload(Path file, String bucket, String key);
}

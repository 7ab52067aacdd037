package io.streamplane.api.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Refuses S3 paths that would leave their bucket in the store behind the gateway, which keeps
 * objects as files: a "." or ".." segment, plain or percent-encoded, in the bucket or the key. Real S3
 * takes such keys as opaque names; here they are refused with S3's own error, before the store sees
 * them.
 */
final class ObjectPaths {
    private ObjectPaths() {
    }

    static void check(String rawPath) {
        String path = decode(rawPath == null ? "" : rawPath);
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new S3Exception(400, "InvalidArgument", "Bucket names and object keys with '.' or '..' path "
                        + "segments are not accepted here");
            }
        }
    }

    /** Percent-decoding as URIs define it ('+' stays '+'); a broken escape is a bad request. */
    private static String decode(String raw) {
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                throw new S3Exception(400, "InvalidURI", "Couldn't parse the specified URI: a '%' is not followed by "
                        + "two hex digits");
            }
            bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}

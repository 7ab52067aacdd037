package io.streamplane.api.s3;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The flexible checksums S3 clients send with an upload ({@code x-amz-checksum-crc32} and the
 * like, as headers or as trailers of a streamed body): computed here over the decoded payload and
 * compared, so a corrupted upload is refused before it is stored. The store behind the server
 * does not know these headers, so they end here.
 */
final class PayloadChecksums {
    /** Headers that ask for or carry a checksum this class handles, which are not forwarded. */
    static final Set<String> HEADERS = Set.of("x-amz-checksum-crc32", "x-amz-checksum-crc32c", "x-amz-checksum-sha1",
            "x-amz-checksum-sha256", "x-amz-checksum-algorithm", "x-amz-checksum-type", "x-amz-checksum-mode");
    private static final Map<String, Supplier<Hash>> ALGORITHMS = Map.of(
            "x-amz-checksum-crc32", () -> new CrcHash(new CRC32()),
            "x-amz-checksum-crc32c", () -> new CrcHash(new CRC32C()),
            "x-amz-checksum-sha1", () -> new DigestHash("SHA-1"),
            "x-amz-checksum-sha256", () -> new DigestHash("SHA-256"));

    private final Map<String, Hash> hashes = new LinkedHashMap<>();

    /**
     * @param headers the request's headers, names in lower case
     * @param trailerNames the trailers the body announced in {@code x-amz-trailer}
     */
    PayloadChecksums(Map<String, List<String>> headers, List<String> trailerNames) {
        ALGORITHMS.forEach((name, hash) -> {
            if (headers.containsKey(name) || trailerNames.contains(name)) {
                hashes.put(name, hash.get());
            }
        });
    }

    /** {@code out}, with every byte written to it also counted into the checksums. */
    OutputStream counting(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int count) throws IOException {
                hashes.values().forEach(h -> h.update(bytes, offset, count));
                out.write(bytes, offset, count);
            }
        };
    }

    /** Compares each checksum with the value the client gave, as a header or a trailer. */
    void check(Map<String, List<String>> headers, Map<String, String> trailers) {
        hashes.forEach((name, hash) -> {
            Optional<String> claimed = Optional.ofNullable(trailers.get(name))
                    .or(() -> Optional.ofNullable(headers.get(name)).flatMap(v -> v.stream().findFirst()));
            if (claimed.isEmpty()) {
                throw new S3Exception(400, "InvalidRequest", "The upload announced " + name + " but did not send it");
            }
            if (!claimed.get().strip().equals(Base64.getEncoder().encodeToString(hash.value()))) {
                throw new S3Exception(400, "BadDigest", "The " + name + " you specified did not match the "
                        + "calculated checksum.");
            }
        });
    }

    private interface Hash {
        void update(byte[] bytes, int offset, int count);

        byte[] value();
    }

    private record CrcHash(Checksum crc) implements Hash {
        @Override
        public void update(byte[] bytes, int offset, int count) {
            crc.update(bytes, offset, count);
        }

        @Override
        public byte[] value() {
            long v = crc.getValue();
            return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }
    }

    private record DigestHash(MessageDigest digest) implements Hash {
        DigestHash(String algorithm) {
            this(newDigest(algorithm));
        }

        @Override
        public void update(byte[] bytes, int offset, int count) {
            digest.update(bytes, offset, count);
        }

        @Override
        public byte[] value() {
            return digest.digest();
        }

        private static MessageDigest newDigest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " is unavailable", e);
            }
        }
    }
}

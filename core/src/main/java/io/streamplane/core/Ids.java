package io.streamplane.core;

import java.security.SecureRandom;
import java.util.UUID;

/** Generates the identifiers MSK hands out: resource UUIDs and opaque cluster versions. */
public final class Ids {
    private static final char[] VERSION_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    /** A resource UUID with MSK's numeric suffix, e.g. {@code 1f6a...-1}. */
    public String resourceUuid() {
        return UUID.randomUUID() + "-" + (1 + random.nextInt(9));
    }

    public String operationUuid() {
        return UUID.randomUUID().toString();
    }

    /** An opaque cluster version such as {@code K3AEGXETSR30VB}; MSK's are not integers either. */
    public String clusterVersion() {
        var sb = new StringBuilder("K");
        for (int i = 0; i < 13; i++) {
            sb.append(VERSION_ALPHABET[random.nextInt(VERSION_ALPHABET.length)]);
        }
        return sb.toString();
    }
}
